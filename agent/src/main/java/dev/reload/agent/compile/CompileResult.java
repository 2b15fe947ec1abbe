package dev.reload.agent.compile;

import java.util.List;

/** What compiling a set of changed sources gave: class files for all of them, or the errors and nothing else. */
public sealed interface CompileResult {

    /**
     * Every source compiled.
     *
     * @param classes the class files of the compiled sources, nested classes included, never null
     */
    record Compiled(List<CompiledClass> classes) implements CompileResult {
        public Compiled {
            classes = List.copyOf(classes);
        }
    }

    /**
     * At least one error: no class file of the batch is used.
     *
     * @param errors every error, in javac's order, never null or empty
     */
    record Failed(List<CompileError> errors) implements CompileResult {
        public Failed {
            errors = List.copyOf(errors);
        }
    }
}

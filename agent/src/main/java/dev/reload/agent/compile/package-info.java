/**
 * Compile mode ({@code src=}): the agent compiles changed Java sources itself, in the program, into memory.
 *
 * <p>{@link dev.reload.agent.compile.SourceStep} is the reload thread's part: it gives the changed sources of a
 * batch to the {@link dev.reload.agent.compile.SourceCompiler} ({@code javax.tools}, one file manager kept across
 * compiles, output kept by {@code MemoryClassOutput}), and hands the class files of the
 * loaded classes on as a batch addressed to the files those classes were loaded from, so they are judged and
 * redefined like files a build wrote. A {@link dev.reload.agent.compile.CompileResult} holds either every class
 * file or the {@link dev.reload.agent.compile.CompileError}s and nothing else. Classes not loaded yet get their
 * compiled version when they load, through {@link dev.reload.agent.compile.CompiledForLater}, a class file
 * transformer.
 *
 * <p>Uses {@code javax.tools} (module {@code jdk.compiler}: touch {@link dev.reload.agent.compile.SourceCompiler}
 * only once {@link dev.reload.agent.compile.CompilerAvailability} says the compiler is there),
 * {@link dev.reload.agent.watch}, {@link dev.reload.agent.index}, {@link dev.reload.agent.report},
 * {@link dev.reload.agent.api} and {@code java.lang.instrument} (for the transformer). Writes no file.
 */
package dev.reload.agent.compile;

package dev.reload.agent.reload;

import dev.reload.agent.config.LogLevel;
import dev.reload.agent.index.CaptureCompactor;
import dev.reload.agent.index.CaptureTransformer;
import dev.reload.agent.index.CapturedClass;
import dev.reload.agent.index.ClassOrigins;
import dev.reload.agent.index.LoadTimeChange;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.watch.ContentHash;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A class the engine redefines outside a batch, through the capture's window, without a child JVM. */
class RunningClassFilesTest {
    /** The class redefined; its own class file stands for the dispatching version. */
    static final class Declarer {
    }

    @Test
    void aClassRedefinedOutsideABatchRunsTheAgentsOwnBytesNotAnotherAgentsChange() throws Exception {
        for (CaptureTransformer.Registration registration : CaptureTransformer.Registration.values()) {
            byte[] loaded = BatchFixtures.classFile(Declarer.class);
            byte[] dispatching = loaded.clone();
            dispatching[dispatching.length - 1] ^= 1; // other bytes than those it loaded with, as the capture sees them
            String internalName = Declarer.class.getName().replace('.', '/');
            CapturedClass captured = new CapturedClass(internalName, Path.of(internalName + ".class"), loaded, false);
            LoadedClassIndex index = new LoadedClassIndex();
            index.put(Declarer.class.getClassLoader(), captured);
            List<ClassFileTransformer> transformers = new ArrayList<>();
            Instrumentation jvm = redefiningThrough(transformers);
            Reporter quiet = new Reporter(LogLevel.OFF, new PrintStream(OutputStream.nullOutputStream()));
            CaptureTransformer capture = CaptureTransformer.install(jvm, registration,
                    new ClassOrigins(null, List.of(), false), index,
                    new CaptureCompactor(quiet), quiet,
                    LoadTimeChange.NONE);

            new RunningClassFiles(jvm, capture).redefine(Declarer.class, dispatching);

            assertFalse(captured.changedByOtherAgent(), registration + ": the agent's own redefinition taken for"
                    + " another agent's");
            assertEquals(ContentHash.of(dispatching), captured.runningHash(), registration.toString());
        }
    }

    /** {@return an instrumentation whose redefinition shows each new class file to the transformers added} */
    private static Instrumentation redefiningThrough(List<ClassFileTransformer> transformers) {
        return (Instrumentation) Proxy.newProxyInstance(RunningClassFilesTest.class.getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, arguments) -> {
                    switch (method.getName()) {
                        case "addTransformer" -> transformers.add((ClassFileTransformer) arguments[0]);
                        case "removeTransformer" -> {
                            return transformers.remove((ClassFileTransformer) arguments[0]);
                        }
                        case "redefineClasses" -> {
                            for (ClassDefinition definition : (ClassDefinition[]) arguments[0]) {
                                Class<?> type = definition.getDefinitionClass();
                                for (ClassFileTransformer transformer : transformers) {
                                    transformer.transform(type.getModule(), type.getClassLoader(),
                                            type.getName().replace('.', '/'), type, type.getProtectionDomain(),
                                            definition.getDefinitionClassFile());
                                }
                            }
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }
}

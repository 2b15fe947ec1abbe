package dev.reload.agent.it;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;

/**
 * Stands for another agent (a coverage tool, a profiler) that changes a class as it loads: given the internal name
 * of a class as its argument, it changes the last letter of that class's source file name ({@code Game.java} →
 * {@code Game.javx}, the same length, so the constant pool keeps its layout), at load and at each redefinition.
 * Registered without retransformation, so it runs after reload-agent's first look and before its capture, also when
 * attached to a program that runs already (HotSpot calls every environment's non-retransformable transformers first).
 */
public final class SourceFileRenamingAgent implements ClassFileTransformer {
    private final String internalName;

    private SourceFileRenamingAgent(String internalName) {
        this.internalName = internalName;
    }

    /** Registers the transformer for the class named by {@code arguments}. */
    public static void premain(String arguments, Instrumentation instrumentation) {
        instrumentation.addTransformer(new SourceFileRenamingAgent(arguments), false);
    }

    /** Registers the transformer for the class named by {@code arguments} in a program that runs already. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        premain(arguments, instrumentation);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classfileBuffer) {
        if (!internalName.equals(className)) {
            return null;
        }
        byte[] sourceFile = (className.substring(className.lastIndexOf('/') + 1) + ".java")
                .getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + sourceFile.length <= classfileBuffer.length; at++) {
            if (startsAt(classfileBuffer, at, sourceFile)) {
                byte[] changed = classfileBuffer.clone();
                changed[at + sourceFile.length - 1] = 'x';
                return changed;
            }
        }
        return null;
    }

    private static boolean startsAt(byte[] bytes, int at, byte[] part) {
        for (int i = 0; i < part.length; i++) {
            if (bytes[at + i] != part[i]) {
                return false;
            }
        }
        return true;
    }
}

package dev.reload.agent.sync;

import dev.reload.agent.config.SyncTarget;
import dev.reload.agent.report.Reporter;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * Puts a call of {@link dev.reload.runtime.SyncPoint#reached()} at the entry of every method of the class that
 * {@code sync=} names, whenever the class is defined, redefined or retransformed; every other class passes untouched.
 * The call comes before the method's first instruction, where no stack map frame is needed and the operand stack is
 * empty, so nothing else of the method changes. A name that matches no method is reported once.
 */
public final class SyncPointTransformer implements ClassFileTransformer {
    private static final String SYNC_POINT = "dev/reload/runtime/SyncPoint";

    private final SyncTarget target;
    private final String internalName;
    private final Reporter reporter;
    private volatile boolean reportedNoMethod;

    /**
     * @param target the method named by {@code sync=}, never null
     * @param reporter where a name matching no method is reported, never null
     */
    public SyncPointTransformer(SyncTarget target, Reporter reporter) {
        this.target = target;
        this.internalName = target.internalName();
        this.reporter = reporter;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!internalName.equals(className)) {
            return null;
        }
        try {
            return withSyncPoint(classfileBuffer);
        } catch (RuntimeException e) {
            // A class file ASM cannot read loads as it is: the game runs without a sync point, never without the class.
            reporter.error("sync=" + target + ": cannot add the sync point to " + target.binaryName() + " (" + e
                    + "); batches apply on the agent's thread");
            return null;
        }
    }

    /** {@return the class file with the call at the entry of each method of the target's name, or null if none} */
    byte[] withSyncPoint(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] found = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!name.equals(target.methodName()) || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                    return method;
                }
                found[0] = true;
                return new MethodVisitor(Opcodes.ASM9, method) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, SYNC_POINT, "reached", "()V", false);
                    }
                };
            }
        }, 0);
        if (!found[0]) {
            reportNoMethod();
            return null;
        }
        return writer.toByteArray();
    }

    private void reportNoMethod() {
        if (!reportedNoMethod) {
            reportedNoMethod = true;
            reporter.error("sync=" + target + ": " + target.binaryName() + " has no method " + target.methodName()
                    + " with a body; batches apply on the agent's thread (name a method the game calls every frame)");
        }
    }
}

package dev.reload.patcher.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;

/**
 * Builds the companion of a class: a class to be defined as a hidden nestmate of it, holding its moved methods
 * as static methods (an instance method takes its receiver first), so the moved code keeps private access.
 */
final class CompanionBuilder {
    /** Flags a moved method keeps; visibility does not matter, as only the agent's full lookup finds it. */
    private static final int KEPT_FLAGS = Opcodes.ACC_VARARGS | Opcodes.ACC_STRICT | Opcodes.ACC_SYNTHETIC
            | Opcodes.ACC_SYNCHRONIZED;

    private CompanionBuilder() {
    }

    /**
     * {@return the companion's class tree}
     *
     * @param updated the new version of the class, never null; its moved method nodes are taken over
     * @param movedNodes the new version's methods that move, never null
     * @param redirector links the moved code's calls, never null
     */
    static ClassNode build(ClassNode updated, List<MethodNode> movedNodes, CallSiteRedirector redirector)
            throws UnsupportedEditException {
        ClassNode companion = new ClassNode();
        companion.version = updated.version;
        companion.access = Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC;
        companion.name = updated.name + RuntimeNames.COMPANION_SUFFIX;
        companion.superName = "java/lang/Object";
        companion.sourceFile = updated.sourceFile;
        String binaryName = ClassFiles.binaryName(updated.name);
        for (MethodNode method : movedNodes) {
            boolean instance = (method.access & Opcodes.ACC_STATIC) == 0;
            if (instance) {
                method.desc = AddedMethod.withReceiver(updated.name, method.desc);
                // Parameter attributes count the declared parameters; the receiver would shift them.
                method.parameters = null;
                method.visibleParameterAnnotations = null;
                method.invisibleParameterAnnotations = null;
                method.visibleAnnotableParameterCount = 0;
                method.invisibleAnnotableParameterCount = 0;
            }
            method.access = Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | (method.access & KEPT_FLAGS);
            method.signature = instance ? null : method.signature;
            redirector.redirect(method, true, binaryName);
            companion.methods.add(method);
            if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                companion.methods.add(SynchronizedWrapper.wrap(method, companion.name, updated.name, instance));
            }
        }
        return companion;
    }
}

package dev.reload.patcher.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * How a method whose modifiers changed reaches a running JVM, which refuses any change to the modifiers of a method
 * a class declares. A change the way calls are made depends on ({@code static}, {@code private},
 * {@code synchronized}) is a removal and an addition: the running declaration keeps its last body for code from
 * before, and the new one lives in the companion, where the new code's calls link. A change that only narrows
 * visibility or adds or drops {@code final} keeps the method in place under its running modifiers, as every call
 * that compiles against the new version is allowed by them. A protected instance method made public stays in place
 * too, so calls through its supertypes and overrides in subclasses dispatch as before; calls from other classes
 * link through the runtime to a virtual handle of the class's own full-privilege lookup, which the old access
 * does not limit. A package-access instance method made protected or public is applied the same way, and its
 * declaration also dispatches on the receiver's class: under the package access it keeps, a subclass in another
 * package declaring the same method does not override it (JVMS 5.4.5), so the dispatch chooses that method.
 */
enum ModifierEdit {
    /** The modifiers did not change: the new body replaces the running one. */
    SAME,
    /** The new body replaces the running one, which keeps its modifiers. */
    IN_PLACE,
    /**
     * The new body replaces the running one, which keeps its narrower visibility: calls from other classes link
     * through the runtime, which reaches the method whatever its running access.
     */
    WIDEN,
    /**
     * As {@link #WIDEN}, for a method that had package access: its declaration dispatches on the receiver's class,
     * to the method a subclass in another package declares, which its running package access does not let override
     * it.
     */
    WIDEN_PACKAGE,
    /** The new version moves to the companion; the running declaration stays for code from before. */
    MOVE;

    private static final int ACCESS_MASK = 0xFFFF;
    private static final int CALL_SHAPE = Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNCHRONIZED;
    private static final int PROTECTED = 2;
    private static final int BODY_KIND = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE;

    /**
     * {@return how the new version of a method the running class declares is applied}
     *
     * @param running the running declaration, never null
     * @param next the new version's declaration of the same name and descriptor, never null
     * @param binaryName the class's binary name, for a refusal
     * @throws UnsupportedEditException when the change cannot be applied soundly, naming the method and why
     */
    static ModifierEdit of(MethodNode running, MethodNode next, String binaryName) throws UnsupportedEditException {
        int changed = (running.access ^ next.access) & ACCESS_MASK;
        if (changed == 0) {
            return SAME;
        }
        if (running.name.startsWith("<") || (changed & BODY_KIND) != 0) {
            throw refusal(next, binaryName, running.name.equals("<init>")
                    ? "a running class's constructors keep their modifiers"
                    : "it became or stopped being abstract or native, which the running JVM cannot apply");
        }
        if ((changed & CALL_SHAPE) != 0) {
            return MOVE;
        }
        if (visibility(next.access) > visibility(running.access)) {
            if ((next.access & Opcodes.ACC_STATIC) != 0) {
                return MOVE;
            }
            return visibility(running.access) == PROTECTED ? WIDEN : WIDEN_PACKAGE;
        }
        return IN_PLACE;
    }

    private static UnsupportedEditException refusal(MethodNode next, String binaryName, String reason) {
        return new UnsupportedEditException(binaryName, "method modifiers changed: " + next.name
                + CallSiteRedirector.signatureWords(next.desc), reason);
    }

    /** {@return 0 for private, 1 for package access, 2 for protected, 3 for public} */
    private static int visibility(int access) {
        if ((access & Opcodes.ACC_PUBLIC) != 0) {
            return 3;
        }
        if ((access & Opcodes.ACC_PROTECTED) != 0) {
            return 2;
        }
        return (access & Opcodes.ACC_PRIVATE) != 0 ? 0 : 1;
    }
}

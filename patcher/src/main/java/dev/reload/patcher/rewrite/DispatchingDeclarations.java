package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Makes methods of a class dispatch on their receiver's class, so that an override a reload added to a subclass
 * (which lives in that subclass's companion and can never enter its vtable) is reached by calls through this
 * class. Each method keeps its declaration, whose body becomes a call through {@code invokedynamic} that the
 * runtime links to the dispatch; the body the class wrote, its "own body", moves to a class of its own, defined as
 * a hidden nestmate like a companion, which the dispatch runs for receivers no reload overrode it for.
 */
public final class DispatchingDeclarations {
    private static final Handle LINK_DISPATCH = new Handle(
            Opcodes.H_INVOKESTATIC, RuntimeNames.LINKAGE, RuntimeNames.LINK_DISPATCH,
            RuntimeNames.LINK_DISPATCH_DESCRIPTOR, false);

    private DispatchingDeclarations() {
    }

    /**
     * The class made to dispatch, and where the bodies it wrote went.
     *
     * @param target the class file to redefine the class with, never null
     * @param ownBodies the class file of the hidden nestmate holding the own bodies as static methods (receiver
     *                  first), never null
     * @param methods the methods made to dispatch, as the own-body class holds them, never null
     */
    public record Dispatching(byte[] target, byte[] ownBodies, List<AddedMethod> methods) {
        /** Copies the list; the arrays are used as they are. */
        public Dispatching {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(ownBodies, "ownBodies");
            methods = List.copyOf(methods);
        }
    }

    /**
     * {@return the class made to dispatch the given methods, or null when it declares none of them with a body}
     *
     * @param classFile the class file the class is to run (after any rewrite), never null
     * @param methods the keys of the instance methods to make dispatch, never null
     */
    public static Dispatching dispatch(byte[] classFile, Set<MemberKey> methods) {
        ClassNode node = ClassFiles.read(classFile);
        List<MethodNode> ownBodies = new ArrayList<>();
        List<AddedMethod> moved = new ArrayList<>();
        for (MethodNode method : node.methods) {
            if (methods.contains(ClassFiles.key(method)) && method.instructions.size() > 0
                    && (method.access & Opcodes.ACC_STATIC) == 0 && !dispatches(method)) {
                MethodNode ownBody = new MethodNode(method.access, method.name, method.desc, method.signature,
                        method.exceptions.toArray(String[]::new));
                method.accept(ownBody);
                ownBodies.add(ownBody);
                moved.add(AddedMethod.of(method.name, method.desc, method.access));
                becomeDispatch(method, node.name);
            }
        }
        if (ownBodies.isEmpty()) {
            return null;
        }
        CallSiteRedirector redirector = new CallSiteRedirector(node.name,
                (node.access & Opcodes.ACC_INTERFACE) != 0, Map.of(), Set.of(), MovedMembers.none());
        ClassNode ownBodyClass;
        try {
            ownBodyClass = CompanionBuilder.build(node, ownBodies, redirector);
        } catch (UnsupportedEditException e) {
            throw new IllegalStateException("code moved without the class's other changes is never refused", e);
        }
        return new Dispatching(ClassFiles.write(node, false), ClassFiles.write(ownBodyClass, false), moved);
    }

    /**
     * {@return true when the method's body is the call of its dispatch already}: a method the class ran as a
     * dispatch and its new version no longer declares is kept as it ran
     */
    private static boolean dispatches(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof InvokeDynamicInsnNode indy && indy.bsm.equals(LINK_DISPATCH)) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the method's body with the call of its dispatch, passing the receiver and every argument on. */
    private static void becomeDispatch(MethodNode method, String owner) {
        method.instructions = new InsnList();
        method.visitVarInsn(Opcodes.ALOAD, 0);
        ArgumentLoads.load(method, method.desc, 1);
        method.instructions.add(new InvokeDynamicInsnNode(method.name, AddedMethod.withReceiver(owner, method.desc),
                LINK_DISPATCH, Type.getObjectType(owner), method.desc));
        method.instructions.add(new InsnNode(Type.getReturnType(method.desc).getOpcode(Opcodes.IRETURN)));
        int sizes = Type.getArgumentsAndReturnSizes(method.desc);
        method.tryCatchBlocks = new ArrayList<>();
        method.localVariables = null;
        method.visibleLocalVariableAnnotations = null;
        method.invisibleLocalVariableAnnotations = null;
        // The argument sizes count the receiver; the stack holds the receiver and arguments, then the result.
        method.maxLocals = sizes >> 2;
        method.maxStack = Math.max(sizes >> 2, sizes & 0b11);
    }
}

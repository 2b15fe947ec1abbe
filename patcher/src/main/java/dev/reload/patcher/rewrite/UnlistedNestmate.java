package dev.reload.patcher.rewrite;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a nested class load soundly when its nest host is running already and does not list it in
 * {@code NestMembers} (the host loaded before the class was written, and redefinition cannot change that list;
 * JVMS 5.4.4 would then deny every private access between the two). The class keeps its name and becomes its
 * own nest host:
 * <ul>
 * <li>its {@code NestHost} attribute is dropped;</li>
 * <li>its private members become package-private (public in an interface), so the host and the nest's other
 * classes, all in its runtime package, still reach them; its own calls to them stay non-virtual
 * ({@code invokespecial});</li>
 * <li>its accesses to members of the nest that need a nestmate's access become {@code invokedynamic} instructions
 * that {@code dev.reload.runtime.NestAccess} links through the nest host's full-privilege lookup, which reaches
 * every member of the nest: field accesses, calls, {@code new Outer(...)} of a private constructor (the
 * {@code new} and {@code dup} go, and the stack map frames within the arguments lose the object they named), and
 * method references ({@code Outer::secret}), whose lambda class is then made through the host.</li>
 * </ul>
 * The class's {@code InnerClasses} entries stay, so reflection sees its declared modifiers and its outer class.
 * ASM never loads a class here.
 */
public final class UnlistedNestmate {
    private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, RuntimeNames.NEST_ACCESS,
            RuntimeNames.LINK_NEST_MEMBER, RuntimeNames.LINK_NEST_MEMBER_DESCRIPTOR, false);
    private static final Handle LAMBDA_BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, RuntimeNames.NEST_ACCESS,
            RuntimeNames.LINK_NEST_LAMBDA, RuntimeNames.LINK_LAMBDA_DESCRIPTOR, false);
    /** The name of the {@code invokedynamic} replacing a constructor call: {@code <init>} is not a valid one. */
    private static final String CONSTRUCTOR_SITE_NAME = "new";

    private UnlistedNestmate() {
    }

    /** Tells which of a class's accesses to members of other classes need the nest's private access. */
    @FunctionalInterface
    public interface NestPrivacy {
        /**
         * {@return true when the access must go through the nest host's lookup: the member belongs to a class the
         * running host lists, and is private (or may be, when that class is not loaded yet)}
         *
         * @param owner the internal name of the class the instruction names, never null
         * @param name the member's name, {@code <init>} for a constructor, never null
         * @param descriptor the field's or method's descriptor, never null
         */
        boolean needsNestAccess(String owner, String name, String descriptor);
    }

    /**
     * {@return the class file made its own nest host, as the class description says}
     *
     * @param classFile a nested class's class file, never null; not modified
     * @param privacy which of its accesses need the nest's private access, never null
     * @throws IllegalArgumentException when ASM cannot read the bytes
     */
    public static byte[] rewrite(byte[] classFile, NestPrivacy privacy) {
        ClassNode node = ClassFiles.read(classFile);
        node.nestHostClass = null;
        boolean isInterface = (node.access & Opcodes.ACC_INTERFACE) != 0;
        Set<String> widened = widen(node, isInterface);
        for (MethodNode method : node.methods) {
            if (method.instructions.size() > 0) {
                rewriteAccesses(node.name, method, isInterface, widened, privacy);
            }
        }
        return ClassFiles.write(node, false);
    }

    /** {@return the name and descriptor of each method made package-private (public in an interface)} */
    private static Set<String> widen(ClassNode node, boolean isInterface) {
        Set<String> widened = new HashSet<>();
        for (MethodNode method : node.methods) {
            if ((method.access & Opcodes.ACC_PRIVATE) != 0) {
                method.access = widened(method.access, isInterface);
                widened.add(method.name + method.desc);
            }
        }
        for (FieldNode field : node.fields) {
            if ((field.access & Opcodes.ACC_PRIVATE) != 0) {
                field.access &= ~Opcodes.ACC_PRIVATE;
            }
        }
        return widened;
    }

    private static int widened(int access, boolean isInterface) {
        int packageAccess = access & ~Opcodes.ACC_PRIVATE;
        // An interface method is public or private (JVMS 4.6): package access is not allowed there.
        return isInterface ? packageAccess | Opcodes.ACC_PUBLIC : packageAccess;
    }

    private static void rewriteAccesses(String self, MethodNode method, boolean isInterface, Set<String> widened,
                                        NestPrivacy privacy) {
        Deque<TypeInsnNode> pendingNews = new ArrayDeque<>();
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; ) {
            AbstractInsnNode next = insn.getNext();
            if (insn instanceof TypeInsnNode type && type.getOpcode() == Opcodes.NEW) {
                pendingNews.push(type);
            } else if (insn instanceof FieldInsnNode field && !field.owner.equals(self)
                    && privacy.needsNestAccess(field.owner, field.name, field.desc)) {
                method.instructions.set(field, fieldSite(field));
            } else if (insn instanceof MethodInsnNode call) {
                rewriteCall(self, method, call, isInterface, widened, privacy, pendingNews);
            } else if (insn instanceof InvokeDynamicInsnNode site) {
                linkMethodReference(self, site, privacy);
            }
            insn = next;
        }
    }

    private static void rewriteCall(String self, MethodNode method, MethodInsnNode call, boolean isInterface,
                                    Set<String> widened, NestPrivacy privacy, Deque<TypeInsnNode> pendingNews) {
        if (call.name.equals("<init>")) {
            // Constructor calls pair with the `new` instructions in last-in, first-out order; super(...) and
            // this(...) in a constructor have none.
            TypeInsnNode created = !pendingNews.isEmpty() && pendingNews.peek().desc.equals(call.owner)
                    ? pendingNews.pop() : null;
            if (created != null && !call.owner.equals(self)
                    && privacy.needsNestAccess(call.owner, call.name, call.desc)) {
                linkConstructor(method, created, call);
            }
            return;
        }
        if (call.owner.equals(self)) {
            if (widened.contains(call.name + call.desc) && call.getOpcode() != Opcodes.INVOKESTATIC) {
                // Still the one method, as when it was private: a subclass's method of that name must not answer.
                call.setOpcode(Opcodes.INVOKESPECIAL);
                call.itf = isInterface;
            }
            return;
        }
        if (call.owner.charAt(0) != '[' && privacy.needsNestAccess(call.owner, call.name, call.desc)) {
            method.instructions.set(call, methodSite(call));
        }
    }

    /**
     * Links a method reference to a member of the nest ({@code Outer::secret}, {@code Gauge::new}) through the host:
     * its handle, a constant of this class's pool, would be resolved with this class's access.
     */
    private static void linkMethodReference(String self, InvokeDynamicInsnNode site, NestPrivacy privacy) {
        if (!site.bsm.getOwner().equals(RuntimeNames.LAMBDA_METAFACTORY) || site.bsmArgs.length < 3
                || !(site.bsmArgs[1] instanceof Handle implementation) || implementation.getOwner().equals(self)
                || !privacy.needsNestAccess(implementation.getOwner(), implementation.getName(),
                        implementation.getDesc())) {
            return;
        }
        List<Object> arguments = new ArrayList<>();
        arguments.add(Type.getObjectType(implementation.getOwner()));
        arguments.add(implementation.getName());
        arguments.add(implementation.getDesc());
        arguments.add(implementation.getTag());
        arguments.add(site.bsm.getName().equals("metafactory") ? 0 : 1);
        arguments.add(site.bsmArgs[0]);
        arguments.addAll(Arrays.asList(site.bsmArgs).subList(2, site.bsmArgs.length));
        site.bsm = LAMBDA_BOOTSTRAP;
        site.bsmArgs = arguments.toArray();
    }

    /** Replaces {@code new C; dup; ...; invokespecial C.<init>} by {@code ...; invokedynamic}. */
    private static void linkConstructor(MethodNode method, TypeInsnNode created, MethodInsnNode call) {
        AbstractInsnNode dup = created.getNext();
        if (dup == null || dup.getOpcode() != Opcodes.DUP) {
            return;
        }
        Set<LabelNode> uninitialized = labelsOf(created);
        for (AbstractInsnNode between = dup; between != call; between = between.getNext()) {
            if (between instanceof FrameNode frame && frame.stack != null) {
                // A frame inside the arguments (a branch) names the new object, twice, by the label of its `new`:
                // the object no longer is on the stack there.
                frame.stack.removeIf(uninitialized::contains);
            }
        }
        Type[] arguments = Type.getArgumentTypes(call.desc);
        String descriptor = Type.getMethodDescriptor(Type.getObjectType(call.owner), arguments);
        method.instructions.remove(created);
        method.instructions.remove(dup);
        method.instructions.set(call, new InvokeDynamicInsnNode(CONSTRUCTOR_SITE_NAME, descriptor, BOOTSTRAP,
                Type.getObjectType(call.owner), call.desc, Opcodes.NEW));
    }

    /** {@return the labels just before an instruction: those a frame names an uninitialized object by} */
    private static Set<LabelNode> labelsOf(AbstractInsnNode insn) {
        Set<LabelNode> labels = new HashSet<>();
        for (AbstractInsnNode before = insn.getPrevious(); before != null && before.getOpcode() < 0;
             before = before.getPrevious()) {
            if (before instanceof LabelNode label) {
                labels.add(label);
            }
        }
        return labels;
    }

    private static InvokeDynamicInsnNode fieldSite(FieldInsnNode field) {
        Type owner = Type.getObjectType(field.owner);
        Type value = Type.getType(field.desc);
        String descriptor = switch (field.getOpcode()) {
            case Opcodes.GETSTATIC -> Type.getMethodDescriptor(value);
            case Opcodes.PUTSTATIC -> Type.getMethodDescriptor(Type.VOID_TYPE, value);
            case Opcodes.GETFIELD -> Type.getMethodDescriptor(value, owner);
            default -> Type.getMethodDescriptor(Type.VOID_TYPE, owner, value);
        };
        return new InvokeDynamicInsnNode(field.name, descriptor, BOOTSTRAP, owner, field.desc, field.getOpcode());
    }

    private static InvokeDynamicInsnNode methodSite(MethodInsnNode call) {
        Type owner = Type.getObjectType(call.owner);
        String descriptor = call.getOpcode() == Opcodes.INVOKESTATIC ? call.desc
                : Type.getMethodDescriptor(Type.getReturnType(call.desc),
                        prepend(owner, Type.getArgumentTypes(call.desc)));
        return new InvokeDynamicInsnNode(call.name, descriptor, BOOTSTRAP, owner, call.desc, call.getOpcode());
    }

    private static Type[] prepend(Type first, Type[] rest) {
        Type[] all = new Type[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}

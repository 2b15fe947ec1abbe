package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Rewrites the instructions of one method so that calls to moved methods, lambdas whose body was moved, and
 * reads and writes of added fields are linked through the runtime's bootstraps. Every replacement pops and pushes exactly what the original
 * instruction did, so stack map frames and maximum stack sizes stay valid.
 */
final class CallSiteRedirector {
    /** The bootstrap that links a call to a moved method. */
    static final Handle LINK_METHOD = new Handle(Opcodes.H_INVOKESTATIC, RuntimeNames.LINKAGE,
            RuntimeNames.LINK_METHOD, RuntimeNames.LINK_METHOD_DESCRIPTOR, false);
    private static final Handle LINK_LAMBDA = new Handle(Opcodes.H_INVOKESTATIC, RuntimeNames.LINKAGE,
            RuntimeNames.LINK_LAMBDA, RuntimeNames.LINK_LAMBDA_DESCRIPTOR, false);
    /** The bootstrap that links a super call with the calling class's own lookup. */
    static final Handle LINK_SUPER = new Handle(Opcodes.H_INVOKESTATIC, RuntimeNames.LINKAGE,
            RuntimeNames.LINK_SUPER, RuntimeNames.LINK_SUPER_DESCRIPTOR, false);
    private static final Handle LINK_FIELD = new Handle(Opcodes.H_INVOKESTATIC, RuntimeNames.LINKAGE,
            RuntimeNames.LINK_FIELD, RuntimeNames.LINK_FIELD_DESCRIPTOR, false);

    private final String ownerInternalName;
    private final boolean ownerIsInterface;
    private final Map<MemberKey, AddedMethod> movedHere;
    private final Set<MemberKey> addedHere;
    private final MovedMembers elsewhere;

    /**
     * @param ownerInternalName the class whose methods are rewritten (for a companion: the class it serves)
     * @param ownerIsInterface true when that class is an interface
     * @param movedHere the class's moved methods by {@link AddedMethod#key()}
     * @param addedHere the {@link AddedField#key()} of each field the class adds
     * @param elsewhere which methods of other classes are moved, and which fields they add
     */
    CallSiteRedirector(String ownerInternalName, boolean ownerIsInterface, Map<MemberKey, AddedMethod> movedHere,
                       Set<MemberKey> addedHere, MovedMembers elsewhere) {
        this.ownerInternalName = ownerInternalName;
        this.ownerIsInterface = ownerIsInterface;
        this.movedHere = movedHere;
        this.addedHere = addedHere;
        this.elsewhere = elsewhere;
    }

    /**
     * Rewrites a method that stays in its class in place, and {@return true when anything changed}.
     */
    boolean redirectOutsideCompanion(MethodNode method) {
        try {
            return redirect(method, false, ClassFiles.binaryName(ownerInternalName), false) > 0;
        } catch (UnsupportedEditException e) {
            throw new IllegalStateException("only code in a companion is refused", e);
        }
    }

    /**
     * Rewrites the method in place.
     *
     * @param method the method, never null
     * @param inCompanion true when the method now lives in the companion, where {@code invokespecial} of the
     *                    owner's private methods must become {@code invokevirtual} and a super call is linked
     *                    through the runtime with the owner's own lookup
     * @return how many calls and lambdas now link through the runtime
     * @throws UnsupportedEditException when a call of an added constructor cannot be linked
     */
    int redirect(MethodNode method, boolean inCompanion, String binaryName) throws UnsupportedEditException {
        return redirect(method, inCompanion, binaryName, true);
    }

    private int redirect(MethodNode method, boolean inCompanion, String binaryName, boolean refuse)
            throws UnsupportedEditException {
        int redirected = ConstructorCalls.redirect(method, ownerInternalName, new AddedConstructors(), binaryName,
                refuse);
        List<AbstractInsnNode> instructions = new ArrayList<>(List.of(method.instructions.toArray()));
        for (AbstractInsnNode insn : instructions) {
            if (insn instanceof MethodInsnNode call) {
                AbstractInsnNode replacement = redirectCall(call, inCompanion);
                if (replacement != call) {
                    method.instructions.set(call, replacement);
                    redirected++;
                }
            } else if (insn instanceof FieldInsnNode access) {
                // Following a subclass up to the class that added the field reads running shapes: ask once.
                String declarer = addedFieldDeclarer(access);
                if (declarer != null) {
                    method.instructions.set(access, fieldAccess(access, declarer));
                    redirected++;
                }
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                redirected += redirectLambda(indy, inCompanion) ? 1 : 0;
            } else if (inCompanion && insn instanceof LdcInsnNode ldc && ldc.cst instanceof Handle handle) {
                ldc.cst = reachableFromCompanion(handle);
            }
        }
        return redirected;
    }

    private AbstractInsnNode redirectCall(MethodInsnNode call, boolean inCompanion) {
        // A constructor is never inherited: calls of added ones were linked by ConstructorCalls or refused.
        String declarer = call.name.equals(ConstructorFactory.CONSTRUCTOR) ? null
                : movedMethodDeclarer(call.owner, call.name, call.desc);
        if (declarer != null && call.getOpcode() == Opcodes.INVOKESPECIAL
                && elsewhere.isWidened(declarer, call.name, call.desc)) {
            // super.m() of a method made public runs in place, reached as before; only the class itself may make
            // it, so in moved code the runtime links it with the class's lookup.
            return inCompanion ? LinkedSuperCalls.superCall(call, ownerInternalName) : call;
        }
        if (declarer != null && call.getOpcode() == Opcodes.INVOKESPECIAL && !call.owner.equals(ownerInternalName)) {
            // Shape.super.m() or super.m() of a method a reload added to a superclass or to the interface Shape,
            // whose calls may dispatch: the runtime links it to what the dispatch chooses for the class the call
            // names, never to the dispatch, which would choose the caller's override again.
            return LinkedSuperCalls.superCall(call, ownerInternalName);
        }
        if (declarer != null && !namesTheRunningDeclaration(call)) {
            String callDescriptor = call.getOpcode() == Opcodes.INVOKESTATIC
                    ? call.desc : AddedMethod.withReceiver(call.owner, call.desc);
            return new InvokeDynamicInsnNode(call.name, callDescriptor, LINK_METHOD,
                    Type.getObjectType(declarer), call.desc);
        }
        if (inCompanion && call.getOpcode() == Opcodes.INVOKESPECIAL && !call.name.equals("<init>")) {
            if (!call.owner.equals(ownerInternalName)) {
                // super.m(): only the class itself may make it, so the runtime links it with the class's lookup.
                return LinkedSuperCalls.superCall(call, ownerInternalName);
            }
            call.setOpcode(ownerIsInterface ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL);
        }
        return call;
    }

    /**
     * {@return an instruction reaching the storage of the field {@code declarer} added that pops and pushes what the
     * access did}
     */
    private static InvokeDynamicInsnNode fieldAccess(FieldInsnNode access, String declarer) {
        String owner = Type.getObjectType(access.owner).getDescriptor();
        String type = switch (access.getOpcode()) {
            case Opcodes.GETSTATIC -> "()" + access.desc;
            case Opcodes.PUTSTATIC -> "(" + access.desc + ")V";
            case Opcodes.GETFIELD -> "(" + owner + ")" + access.desc;
            default -> "(" + owner + access.desc + ")V";
        };
        return new InvokeDynamicInsnNode(access.name, type, LINK_FIELD, Type.getObjectType(declarer),
                access.desc, access.getOpcode());
    }

    /** {@return the class whose added field the access reaches, or null when the field is not an added one} */
    private String addedFieldDeclarer(FieldInsnNode access) {
        if (access.owner.equals(ownerInternalName) && addedHere.contains(new MemberKey(access.name, access.desc))) {
            return access.owner;
        }
        // Named by this class but not added here: perhaps inherited from a superclass that added it.
        return elsewhere.addedFieldDeclarer(access.owner, access.name, access.desc);
    }

    private boolean redirectLambda(InvokeDynamicInsnNode indy, boolean inCompanion) {
        // A class file the agent redefined before links its lambdas through the runtime's LambdaFactories.
        boolean lambda = indy.bsm.getOwner().equals(RuntimeNames.LAMBDA_METAFACTORY)
                || indy.bsm.getOwner().equals(RuntimeNames.LAMBDA_FACTORIES);
        if (!lambda || indy.bsmArgs.length < 3
                || !(indy.bsmArgs[1] instanceof Handle impl)) {
            return false;
        }
        String declarer = impl.getTag() == Opcodes.H_NEWINVOKESPECIAL
                ? (isAddedConstructor(impl.getOwner(), impl.getDesc()) ? impl.getOwner() : null)
                : movedMethodDeclarer(impl.getOwner(), impl.getName(), impl.getDesc());
        if (declarer == null) {
            if (inCompanion) {
                indy.bsmArgs[1] = reachableFromCompanion(impl);
            }
            return false;
        }
        boolean alt = !indy.bsm.getName().equals("metafactory");
        List<Object> args = new ArrayList<>();
        args.add(Type.getObjectType(declarer));
        args.add(impl.getName());
        args.add(impl.getDesc());
        args.add(alt ? 1 : 0);
        args.add(indy.bsmArgs[0]);
        for (int i = 2; i < indy.bsmArgs.length; i++) {
            args.add(indy.bsmArgs[i]);
        }
        indy.bsm = LINK_LAMBDA;
        indy.bsmArgs = args.toArray();
        return true;
    }

    /**
     * {@return the handle, with {@code invokespecial} of the owner's private method turned into a virtual one:
     * only the class itself may use an {@code invokespecial} handle, and the companion is a nestmate instead}
     */
    private Handle reachableFromCompanion(Handle handle) {
        if (handle.getTag() != Opcodes.H_INVOKESPECIAL || !handle.getOwner().equals(ownerInternalName)) {
            return handle;
        }
        int tag = handle.isInterface() ? Opcodes.H_INVOKEINTERFACE : Opcodes.H_INVOKEVIRTUAL;
        return new Handle(tag, handle.getOwner(), handle.getName(), handle.getDesc(), handle.isInterface());
    }

    /** {@return the class whose moved method the call reaches, or null when the method is not a moved one} */
    /**
     * {@return true for a call of this class's method whose static-ness differs from the moved version's: the
     * running declaration, which a change of {@code static} left in place}
     */
    private boolean namesTheRunningDeclaration(MethodInsnNode call) {
        AddedMethod moved = call.owner.equals(ownerInternalName) ? movedHere.get(new MemberKey(call.name, call.desc)) : null;
        return moved != null && moved.instance() == (call.getOpcode() == Opcodes.INVOKESTATIC);
    }

    private String movedMethodDeclarer(String owner, String name, String descriptor) {
        if (owner.equals(ownerInternalName) && movedHere.containsKey(new MemberKey(name, descriptor))) {
            return owner;
        }
        return elsewhere.movedMethodDeclarer(owner, name, descriptor);
    }

    /** {@return true when a reload adds the constructor with this descriptor to the class} */
    private boolean isAddedConstructor(String owner, String descriptor) {
        return owner.equals(ownerInternalName) ? movedHere.containsKey(new MemberKey(ConstructorFactory.CONSTRUCTOR,
                descriptor)) : elsewhere.isMoved(owner, ConstructorFactory.CONSTRUCTOR, descriptor);
    }

    /**
     * {@link #isAddedConstructor} as the predicate {@link ConstructorCalls} takes: a named class, where a method
     * reference would spin a class at the first structural edit that every later redefinition walks.
     */
    private final class AddedConstructors implements BiPredicate<String, String> {
        @Override
        public boolean test(String owner, String descriptor) {
            return isAddedConstructor(owner, descriptor);
        }
    }

    /** {@return the parameter list of a descriptor in source words, such as {@code (int, String)}} */
    static String signatureWords(String descriptor) {
        StringBuilder words = new StringBuilder("(");
        Type[] parameters = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < parameters.length; i++) {
            String className = parameters[i].getClassName();
            words.append(i == 0 ? "" : ", ").append(className.substring(className.lastIndexOf('.') + 1));
        }
        return words.append(')').toString();
    }
}

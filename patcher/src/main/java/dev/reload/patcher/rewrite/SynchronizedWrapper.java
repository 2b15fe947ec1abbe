package dev.reload.patcher.rewrite;

import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the meaning of an added {@code synchronized} method once it is moved into a companion, where the flag
 * would lock the companion instead of the object (JVMS 2.11.10): the body moves to a plain static method, and a
 * wrapper under the method's own name holds the monitor the flag meant (the receiver, or the class for a static
 * method) around the call, releasing it on every way out, as javac does for a {@code synchronized} block.
 */
final class SynchronizedWrapper {
    /** Prefix of the static method that holds the body of a moved synchronized method. */
    static final String BODY_PREFIX = "$reload$locked$";

    private SynchronizedWrapper() {
    }

    /**
     * {@return the wrapper to add to the companion}; {@code body} is renamed and loses its flag
     *
     * @param body the moved method, already static with its receiver first when it was an instance method, never null
     * @param companionName the companion's internal name, never null
     * @param ownerName the internal name of the class the method was added to, never null
     * @param instance true when the method was an instance method, whose receiver is the monitor
     */
    static MethodNode wrap(MethodNode body, String companionName, String ownerName, boolean instance) {
        MethodNode wrapper = new MethodNode(body.access & ~Opcodes.ACC_SYNCHRONIZED, body.name, body.desc, null,
                body.exceptions.toArray(String[]::new));
        body.name = BODY_PREFIX + body.name;
        body.access &= ~Opcodes.ACC_SYNCHRONIZED;

        Type[] arguments = Type.getArgumentTypes(body.desc);
        Type returnType = Type.getReturnType(body.desc);
        // The size of the arguments, which counts an implicit receiver the static body does not have.
        int lockSlot = (Type.getArgumentsAndReturnSizes(body.desc) >> 2) - 1;
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        wrapper.visitCode();
        wrapper.visitTryCatchBlock(start, end, handler, null);
        if (instance) {
            wrapper.visitVarInsn(Opcodes.ALOAD, 0);
        } else {
            wrapper.visitLdcInsn(Type.getObjectType(ownerName));
        }
        wrapper.visitInsn(Opcodes.DUP);
        wrapper.visitVarInsn(Opcodes.ASTORE, lockSlot);
        wrapper.visitInsn(Opcodes.MONITORENTER);
        wrapper.visitLabel(start);
        ArgumentLoads.load(wrapper, body.desc, 0);
        wrapper.visitMethodInsn(Opcodes.INVOKESTATIC, companionName, body.name, body.desc, false);
        wrapper.visitVarInsn(Opcodes.ALOAD, lockSlot);
        wrapper.visitInsn(Opcodes.MONITOREXIT);
        wrapper.visitLabel(end);
        wrapper.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
        wrapper.visitLabel(handler);
        Object[] locals = frameLocals(arguments, instance ? ownerName : "java/lang/Class");
        wrapper.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
        wrapper.visitVarInsn(Opcodes.ALOAD, lockSlot);
        wrapper.visitInsn(Opcodes.MONITOREXIT);
        wrapper.visitInsn(Opcodes.ATHROW);
        wrapper.visitMaxs(Math.max(lockSlot, 2 + returnType.getSize()), lockSlot + 1);
        wrapper.visitEnd();
        return wrapper;
    }

    /** {@return the verifier's view of the arguments and the monitor slot, as a full stack map frame lists them} */
    private static Object[] frameLocals(Type[] arguments, String monitorType) {
        List<Object> locals = new ArrayList<>();
        for (Type argument : arguments) {
            locals.add(switch (argument.getSort()) {
                case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
                case Type.FLOAT -> Opcodes.FLOAT;
                case Type.LONG -> Opcodes.LONG;
                case Type.DOUBLE -> Opcodes.DOUBLE;
                default -> argument.getInternalName();
            });
        }
        locals.add(monitorType);
        return locals.toArray();
    }
}

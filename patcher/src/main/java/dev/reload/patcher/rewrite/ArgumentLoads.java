package dev.reload.patcher.rewrite;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Loads a method's arguments from its local variables onto the stack, to pass them on to a call. */
final class ArgumentLoads {
    private ArgumentLoads() {
    }

    /**
     * Loads each argument of {@code descriptor}, in order, from its slot.
     *
     * @param code where to write the loads; a {@code MethodNode} appends them to its instructions
     * @param descriptor the method descriptor whose arguments to load, never null
     * @param firstSlot the slot of the first argument: 1 after a receiver, else 0
     * @return the slot after the last argument
     */
    static int load(MethodVisitor code, String descriptor, int firstSlot) {
        int slot = firstSlot;
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            code.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            slot += argument.getSize();
        }
        return slot;
    }
}

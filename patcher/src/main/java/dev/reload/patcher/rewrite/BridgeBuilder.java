package dev.reload.patcher.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;

/**
 * Builds a class of bridges: one public static method per moved method, each calling the moved
 * method's current version through the runtime. Lambdas whose body was moved link to a bridge: on Java 17 a
 * lambda's implementation cannot be in a hidden class (the generated lambda class names it), and through the
 * bridge, lambda objects made before a later edit run that edit's code. Defined as a normal class in the
 * target's package and loader; a bridge class is never redefined, a later edit brings another one.
 */
public final class BridgeBuilder {
    private BridgeBuilder() {
    }

    /** {@return the internal name of the {@code number}th bridge class of a class} */
    public static String bridgesInternalName(String ownerInternalName, int number) {
        return ownerInternalName + RuntimeNames.BRIDGES_SUFFIX + number;
    }

    /**
     * {@return the class file of a bridge class}
     *
     * @param ownerInternalName the class whose moved methods the bridges call, never null
     * @param bridgesInternalName the bridge class's name, in the owner's package, never null
     * @param methods the moved methods to bridge, never null; each bridge has the method's name and its
     *                {@linkplain AddedMethod#bridgeDescriptor bridge descriptor}
     */
    public static byte[] build(String ownerInternalName, String bridgesInternalName, List<AddedMethod> methods) {
        ClassNode bridges = new ClassNode();
        bridges.version = Opcodes.V17;
        // Public, so that a lambda made in another package can name a bridge as its implementation.
        bridges.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC;
        bridges.name = bridgesInternalName;
        bridges.superName = "java/lang/Object";
        for (AddedMethod moved : methods) {
            bridges.methods.add(bridge(ownerInternalName, moved));
        }
        return ClassFiles.write(bridges, true);
    }

    private static MethodNode bridge(String ownerInternalName, AddedMethod moved) {
        String descriptor = moved.bridgeDescriptor(ownerInternalName);
        MethodNode bridge = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                moved.companionName(), descriptor, null, null);
        if (moved.constructor()) {
            bridge.instructions.add(new InsnNode(Opcodes.ACONST_NULL)); // the factory's placeholder
        }
        ArgumentLoads.load(bridge, descriptor, 0);
        bridge.instructions.add(moved.constructor()
                ? ConstructorFactory.linkedConstruction(ownerInternalName, moved.descriptor())
                : new InvokeDynamicInsnNode(moved.name(), descriptor, CallSiteRedirector.LINK_METHOD,
                        Type.getObjectType(ownerInternalName), moved.descriptor()));
        bridge.instructions.add(new InsnNode(Type.getReturnType(descriptor).getOpcode(Opcodes.IRETURN)));
        return bridge;
    }
}

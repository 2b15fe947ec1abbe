package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.shape.SyntheticNames;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A method a reload adds: one the new version declares and the running class does not (a new method, a lambda, a
 * method whose signature changed). It lives in the companion as a static method, moved there from the class; an
 * instance method takes its receiver as the first parameter there. An added constructor becomes a factory there
 * ({@link ConstructorFactory}), which is neither an instance method nor overridable.
 *
 * @param name the method's name, never null
 * @param descriptor the method's descriptor as the new version declares it, never null
 * @param instance true when the new version declares it as an instance method
 * @param overridable true for an instance method that is neither private nor a lambda body: one a subclass can
 *                    override (JVMS 5.4.5), and one that can override a superclass's
 */
public record AddedMethod(String name, String descriptor, boolean instance, boolean overridable) {
    /** {@return the moved method of a method the new version declares with these flags} */
    static AddedMethod of(String name, String descriptor, int access) {
        boolean instance = (access & Opcodes.ACC_STATIC) == 0 && !name.equals(ConstructorFactory.CONSTRUCTOR);
        return new AddedMethod(name, descriptor, instance,
                instance && (access & Opcodes.ACC_PRIVATE) == 0 && !SyntheticNames.isLambda(name));
    }

    /** {@return the method's key: its name and its descriptor as the new version declares it} */
    public MemberKey key() {
        return new MemberKey(name, descriptor);
    }

    /** {@return the descriptor of the static method in the companion (and bridge), receiver first for instance methods} */
    public String staticDescriptor(String ownerInternalName) {
        if (constructor()) {
            return ConstructorFactory.factoryDescriptor(ownerInternalName, descriptor);
        }
        return instance ? withReceiver(ownerInternalName, descriptor) : descriptor;
    }

    /**
     * {@return the descriptor of the method's bridge: its static descriptor, without the factory's placeholder for a
     * constructor, so that a constructor reference ({@code Game::new}) links to it as to a static method}
     */
    public String bridgeDescriptor(String ownerInternalName) {
        return constructor() ? "(" + descriptor.substring(1, descriptor.indexOf(')')) + ")L" + ownerInternalName + ";"
                : staticDescriptor(ownerInternalName);
    }

    /** {@return true for a constructor, which the companion holds as a factory} */
    public boolean constructor() {
        return name.equals(ConstructorFactory.CONSTRUCTOR);
    }

    /** {@return the name of the companion's static method: the method's own, or the factory's for a constructor} */
    public String companionName() {
        return constructor() ? RuntimeNames.CONSTRUCTOR_FACTORY : name;
    }

    /** {@return the method in source words, such as {@code update(int, String)}} */
    public String describe() {
        return name + CallSiteRedirector.signatureWords(descriptor);
    }

    /** {@return true for a lambda body, whose earlier objects must keep working when a later version drops it} */
    public boolean lambdaBody() {
        return SyntheticNames.isLambda(name);
    }

    /** {@return a method descriptor with a receiver of the given class put first} */
    static String withReceiver(String ownerInternalName, String descriptor) {
        return "(" + Type.getObjectType(ownerInternalName).getDescriptor() + descriptor.substring(1);
    }
}

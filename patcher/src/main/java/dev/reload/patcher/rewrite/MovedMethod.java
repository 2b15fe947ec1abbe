package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.SyntheticNames;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A method of the new version that the running class does not declare, so it lives in the companion as a
 * static method; an instance method takes its receiver as the first parameter there.
 *
 * @param name the method's name, never null
 * @param descriptor the method's descriptor as the new version declares it, never null
 * @param instance true when the new version declares it as an instance method
 * @param overridable true for an instance method that is neither private nor a lambda body: one a subclass can
 *                    override (JVMS 5.4.5), and one that can override a superclass's
 */
public record MovedMethod(String name, String descriptor, boolean instance, boolean overridable) {
    /** {@return the moved method of a method the new version declares with these flags} */
    static MovedMethod of(String name, String descriptor, int access) {
        boolean instance = (access & Opcodes.ACC_STATIC) == 0;
        return new MovedMethod(name, descriptor, instance,
                instance && (access & Opcodes.ACC_PRIVATE) == 0 && !SyntheticNames.isLambda(name));
    }

    /** {@return the key under which the runtime links calls to this method: name followed by descriptor} */
    public String key() {
        return name + descriptor;
    }

    /** {@return the descriptor of the static method in the companion (and bridge), receiver first for instance methods} */
    public String staticDescriptor(String ownerInternalName) {
        return instance ? withReceiver(ownerInternalName, descriptor) : descriptor;
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

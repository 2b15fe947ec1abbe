package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Opcodes;

/**
 * A method that a reload added to a class as the implementation of an abstract method the class inherits. A
 * subclass loading later without a method of its own inherits it as the source says, but not through the JVM's
 * vtable, since the running class does not declare it: such a subclass is given a method of its own that calls it
 * as {@code super.m()} would ({@link InheritedImplementations}).
 *
 * @param name the method's name, never null
 * @param descriptor its descriptor, never null
 * @param access its access in the new version: {@link Opcodes#ACC_PUBLIC}, {@link Opcodes#ACC_PROTECTED} or 0 for
 *               package access; other flags are ignored
 */
public record InheritedImplementation(String name, String descriptor, int access) {
    /** {@return the method's name and descriptor} */
    public MemberKey key() {
        return new MemberKey(name, descriptor);
    }
}

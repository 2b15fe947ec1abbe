package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Type;

/**
 * A field of the new version that the running class does not declare, so it lives in the runtime's storage: a
 * cell for a static field, a table by object identity for an instance field.
 *
 * @param name the field's name, never null
 * @param descriptor the field's descriptor, never null
 * @param isStatic true for a static field
 * @param constant the field's {@code ConstantValue} (JVMS 4.7.2), boxed as the class file holds it; null when none
 * @param isVolatile true for a {@code volatile} field, whose storage must be read and written as such
 */
public record AddedField(String name, String descriptor, boolean isStatic, Object constant, boolean isVolatile) {
    /** {@return the field's key: its name and its descriptor} */
    public MemberKey key() {
        return new MemberKey(name, descriptor);
    }

    /** {@return the field in source words, such as {@code static int count}} */
    public String describe() {
        String type = Type.getType(descriptor).getClassName();
        return (isStatic ? "static " : "") + type.substring(type.lastIndexOf('.') + 1) + " " + name;
    }
}

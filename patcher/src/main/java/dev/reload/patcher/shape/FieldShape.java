package dev.reload.patcher.shape;

/**
 * One field of a class file (JVMS 4.5).
 *
 * @param name the field's name, never null
 * @param descriptor the field descriptor, such as {@code I} or {@code Ljava/lang/String;}, never null
 * @param access the access flags ({@code ACC_*} of JVMS table 4.5-A)
 * @param constantValue the {@code ConstantValue} attribute's value ({@link Integer}, {@link Long},
 *        {@link Float}, {@link Double} or {@link String}), or null when the field has none
 */
public record FieldShape(String name, String descriptor, int access, Object constantValue) {
}

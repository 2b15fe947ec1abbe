package dev.reload.patcher.shape;

/**
 * One method of a class file (JVMS 4.6) with hashes of its code.
 *
 * <p>Both hashes are 0 for a method without code (abstract or native). References to this class's own
 * lambda methods inside {@code invokedynamic} bootstrap arguments count by kind and descriptor, not by
 * name, so renumbering a lambda does not change the hash of the method that creates it.
 *
 * @param name the method's name, such as {@code update} or {@code <init>}, never null
 * @param descriptor the method descriptor, such as {@code (F)V}, never null
 * @param access the access flags ({@code ACC_*} of JVMS table 4.6-A)
 * @param codeHash a hash of the instructions, constants and exception table, ignoring line numbers,
 *        local variable names and stack map frames
 * @param codeHashWithDebug a hash of the same plus line numbers and local variable tables
 */
public record MethodShape(String name, String descriptor, int access, long codeHash, long codeHashWithDebug) {
}

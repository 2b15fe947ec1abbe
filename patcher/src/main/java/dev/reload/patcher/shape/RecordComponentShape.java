package dev.reload.patcher.shape;

/**
 * One component of a record class (JVMS 4.7.30). HotSpot refuses a redefinition that changes any of the
 * three, the generic signature included.
 *
 * @param name the component's name, never null
 * @param descriptor its field descriptor, never null
 * @param signature its generic signature, such as {@code Ljava/util/List<Ljava/lang/String;>;}, or null
 *        when its type is not generic
 */
public record RecordComponentShape(String name, String descriptor, String signature) {
}

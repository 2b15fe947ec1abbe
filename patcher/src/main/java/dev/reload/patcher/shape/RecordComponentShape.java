package dev.reload.patcher.shape;

/**
 * One component of a record class (JVMS 4.7.30).
 *
 * @param name the component's name, never null
 * @param descriptor its field descriptor, never null
 */
public record RecordComponentShape(String name, String descriptor) {
}

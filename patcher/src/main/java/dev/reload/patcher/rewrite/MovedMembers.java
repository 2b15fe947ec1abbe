package dev.reload.patcher.rewrite;

/**
 * Says which methods of other classes are moved (declared by their new version but not by the running class),
 * so that calls to them are linked through the runtime too, and which fields they add, so that reads and writes
 * of those reach the runtime's storage. One instance describes one batch.
 */
@FunctionalInterface
public interface MovedMembers {
    /**
     * {@return true when calls to this method must be linked through the runtime}
     *
     * @param ownerInternalName the class named by the call instruction, never null
     * @param name the method's name, never null
     * @param descriptor the method's descriptor, never null
     */
    boolean isMoved(String ownerInternalName, String name, String descriptor);

    /**
     * {@return true when reads and writes of this field must go to the runtime's storage: the running class lacks it}
     *
     * @param ownerInternalName the class named by the field instruction, never null
     * @param name the field's name, never null
     * @param descriptor the field's descriptor, never null
     */
    default boolean isAddedField(String ownerInternalName, String name, String descriptor) {
        return false;
    }

    /**
     * {@return the class that declares the moved method a call instruction names, or null when the call needs no
     * linking}: {@code ownerInternalName} itself, or the superclass it inherits the moved method from, since javac
     * names a method called on a subclass by that subclass ({@code enemy.heal()} is {@code Enemy.heal})
     *
     * @param ownerInternalName the class named by the call instruction, never null
     * @param name the method's name, never null
     * @param descriptor the method's descriptor, never null
     */
    default String movedMethodDeclarer(String ownerInternalName, String name, String descriptor) {
        return isMoved(ownerInternalName, name, descriptor) ? ownerInternalName : null;
    }

    /**
     * {@return the class that declares the added field a field instruction names, or null when the access needs no
     * linking}: {@code ownerInternalName} itself, or the superclass it inherits the added field from
     *
     * @param ownerInternalName the class named by the field instruction, never null
     * @param name the field's name, never null
     * @param descriptor the field's descriptor, never null
     */
    default String addedFieldDeclarer(String ownerInternalName, String name, String descriptor) {
        return isAddedField(ownerInternalName, name, descriptor) ? ownerInternalName : null;
    }

    /**
     * {@return true when the method keeps running in place and its calls link to a virtual handle of it}: a
     * protected method made public; a super call of it stays as written
     *
     * @param declarer the class that declares the method, never null
     * @param name the method's name, never null
     * @param descriptor the method's descriptor, never null
     */
    default boolean isWidened(String declarer, String name, String descriptor) {
        return false;
    }

    /** {@return a view in which no method of another class is moved} */
    static MovedMembers none() {
        return (owner, name, descriptor) -> false;
    }
}

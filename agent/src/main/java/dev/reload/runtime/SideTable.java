package dev.reload.runtime;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values of one added instance field, by object identity: an object's entry goes when the object does, so
 * the table never keeps an object alive. An object without an entry reads the field's default value, which is
 * what objects made before the reload that added the field see. Thread-safe.
 */
final class SideTable {
    private static final Object ABSENT = new Object();
    private final Object defaultValue;
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final Map<IdentityKey, Object> values = new HashMap<>();

    /** @param defaultValue the boxed default value of the field's type, or null for a reference type */
    SideTable(Object defaultValue) {
        this.defaultValue = defaultValue;
    }

    /** {@return the object's value of the field; throws NullPointerException for null, as a real field would} */
    synchronized Object get(Object receiver) {
        Objects.requireNonNull(receiver, "the object whose added field is read is null");
        Object value = values.getOrDefault(new IdentityKey(receiver, null), ABSENT);
        return value == ABSENT ? defaultValue : value;
    }

    /** Sets the object's value of the field; throws NullPointerException for null, as a real field would. */
    synchronized void set(Object receiver, Object value) {
        Objects.requireNonNull(receiver, "the object whose added field is written is null");
        expungeCollected();
        values.put(new IdentityKey(receiver, collected), value);
    }

    /** {@return how many objects hold a value now, counting those collected but not yet expunged} */
    synchronized int size() {
        expungeCollected();
        return values.size();
    }

    private void expungeCollected() {
        for (Object key = collected.poll(); key != null; key = collected.poll()) {
            values.remove(key);
        }
    }

    /** A weak reference compared by the identity of its referent; a cleared one equals only itself. */
    private static final class IdentityKey extends WeakReference<Object> {
        private final int hash;

        IdentityKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) {
                return true;
            }
            if (!(other instanceof IdentityKey key)) {
                return false;
            }
            Object referent = get();
            return referent != null && referent == key.get();
        }
    }
}

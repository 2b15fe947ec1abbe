package dev.reload.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Objects;

/**
 * The values of one added instance field, by object identity: an object's entry goes when the object does, so
 * the table never keeps an object alive. An object without an entry reads the field's default value, which is
 * what objects made before the reload that added the field see; for a field whose type changed, an object's entry
 * starts from its running field's value, at its first access.
 *
 * <p>Read on every access of the field, so reads take no lock and allocate nothing: a hash table by
 * {@link System#identityHashCode} whose chains never change once published (a new entry goes in front, a resize or
 * an expunge builds new chains). Each object's {@link FieldValue} lives apart from its chain entries, so a write
 * made while another thread rebuilds the chains lands in the value every chain shares. Adding an object's first
 * value takes the lock. Thread-safe, with a plain field's visibility (or a volatile one's, by the handles used).
 */
final class SideTable {
    /** What an object without an entry reads: never written. */
    private static final FieldValue DEFAULTS = new FieldValue();
    private static final int INITIAL_BUCKETS = 16;
    private static final MethodHandle READ;
    private static final MethodHandle WRITE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodType valueOf = MethodType.methodType(FieldValue.class, Object.class);
            READ = lookup.findVirtual(SideTable.class, "valueToRead", valueOf);
            WRITE = lookup.findVirtual(SideTable.class, "valueToWrite", valueOf);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    /**
     * Gives an object's value its start, {@code (FieldValue, Object)void}, for a field whose type changed: the
     * running field's value, converted; null for an added field, which starts at its default.
     */
    private volatile MethodHandle start;
    private volatile Entry[] buckets = new Entry[INITIAL_BUCKETS];
    private int size;

    /**
     * {@return a handle {@code (Object)T} reading the field of an object, {@code T} the variable type of
     * {@link FieldValue#kind}}; it throws {@link NullPointerException} for null, as a real field would
     */
    MethodHandle reader(String descriptor, boolean isVolatile) {
        return MethodHandles.filterArguments(FieldValue.getter(descriptor, isVolatile), 0, READ.bindTo(this));
    }

    /** {@return a handle {@code (Object, T)void} writing the field of an object; see {@link #reader}} */
    MethodHandle writer(String descriptor, boolean isVolatile) {
        return MethodHandles.filterArguments(FieldValue.setter(descriptor, isVolatile), 0, WRITE.bindTo(this));
    }

    /**
     * Makes every object without a value start from the running field's, at its first access.
     *
     * @param seed {@code (FieldValue, Object)void}: sets the value from the object's running field, never null
     */
    void startFrom(MethodHandle seed) {
        start = seed;
    }

    /** {@return how many objects hold a value now, counting those collected but not yet expunged} */
    synchronized int size() {
        expungeCollected();
        return size;
    }

    @SuppressWarnings("UnusedMethod") // called through READ, found by name
    private FieldValue valueToRead(Object receiver) {
        FieldValue value = find(buckets, Objects.requireNonNull(receiver,
                "the object whose added field is read is null"));
        if (value != null) {
            return value;
        }
        return start == null ? DEFAULTS : add(receiver);
    }

    @SuppressWarnings("UnusedMethod") // called through WRITE, found by name
    private FieldValue valueToWrite(Object receiver) {
        FieldValue value = find(buckets, Objects.requireNonNull(receiver,
                "the object whose added field is written is null"));
        return value != null ? value : add(receiver);
    }

    private static FieldValue find(Entry[] table, Object receiver) {
        int hash = System.identityHashCode(receiver);
        for (Entry entry = table[hash & (table.length - 1)]; entry != null; entry = entry.next) {
            if (entry.hash == hash && entry.get() == receiver) {
                return entry.value;
            }
        }
        return null;
    }

    private synchronized FieldValue add(Object receiver) {
        expungeCollected();
        FieldValue existing = find(buckets, receiver);
        if (existing != null) {
            return existing;
        }
        if (size >= buckets.length * 3 / 4) {
            buckets = rebuilt(buckets.length * 2);
        }
        Entry[] table = buckets;
        int hash = System.identityHashCode(receiver);
        int index = hash & (table.length - 1);
        FieldValue value = new FieldValue();
        MethodHandle seed = start;
        if (seed != null) {
            try {
                seed.invokeExact(value, receiver);
            } catch (Throwable e) {
                // A getter of a field the object has cannot throw.
                throw new IllegalStateException("reading the running field of " + receiver.getClass().getName(), e);
            }
        }
        table[index] = new Entry(receiver, hash, value, table[index], collected);
        size++;
        return value;
    }

    /** Drops the entries of collected objects: each chain that held one is built anew without it. */
    private void expungeCollected() {
        Entry[] table = buckets;
        for (Object dead = collected.poll(); dead != null; dead = collected.poll()) {
            int index = ((Entry) dead).hash & (table.length - 1);
            table[index] = withoutCollected(table[index]);
        }
    }

    /** {@return the chain without the entries of collected objects: the same chain when it has none} */
    private Entry withoutCollected(Entry head) {
        boolean anyCleared = false;
        for (Entry entry = head; entry != null && !anyCleared; entry = entry.next) {
            anyCleared = entry.refersTo(null);
        }
        if (!anyCleared) {
            return head;
        }
        Entry chain = null;
        for (Entry entry = head; entry != null; entry = entry.next) {
            Object referent = entry.get();
            if (referent != null) {
                chain = new Entry(referent, entry.hash, entry.value, chain, collected);
            } else {
                size--;
            }
        }
        return chain;
    }

    /** {@return new chains holding the live entries, over {@code length} buckets; counts them into size} */
    private Entry[] rebuilt(int length) {
        Entry[] table = new Entry[length];
        int live = 0;
        for (Entry head : buckets) {
            for (Entry entry = head; entry != null; entry = entry.next) {
                Object referent = entry.get();
                if (referent != null) {
                    int index = entry.hash & (length - 1);
                    table[index] = new Entry(referent, entry.hash, entry.value, table[index], collected);
                    live++;
                }
            }
        }
        size = live;
        return table;
    }

    /** One object's place in a chain: weak, so it never keeps the object alive. */
    private static final class Entry extends WeakReference<Object> {
        final int hash;
        final FieldValue value;
        final Entry next;

        Entry(Object referent, int hash, FieldValue value, Entry next, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = hash;
            this.value = value;
            this.next = next;
        }
    }
}

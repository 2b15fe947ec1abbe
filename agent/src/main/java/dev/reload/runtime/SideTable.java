package dev.reload.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>An object whose class another loader defined (a mod's subclass of the declaring class) keeps its value in a
 * table of its own class, kept on that class ({@link ClassValue}): a value may refer to the object or to anything of
 * its loader, and a table of the declaring class, which may live as long as the JVM, would then keep that loader from
 * ever being collected.
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
    /** The loader of the class declaring the field, whose objects have their values here. */
    private final ClassLoader home;
    /** The tables of the classes of other loaders, on each class; null in such a table. */
    private final ForeignTables foreign;
    /** The table of the declaring class: this one, or the one whose start a table of another loader's class shares. */
    private final SideTable main;
    /** The tables of other loaders' classes that hold values, weakly; only in the main table. */
    private final List<WeakReference<SideTable>> foreignTables = new ArrayList<>();
    /**
     * Gives an object's value its start, {@code (FieldValue, Object)void}, for a field whose type changed: the
     * running field's value, converted; null for an added field, which starts at its default.
     */
    private volatile MethodHandle start;
    private volatile Entry[] buckets = new Entry[INITIAL_BUCKETS];
    private int size;

    /**
     * Makes the table of a field declared by a class of {@code home}.
     *
     * @param home the declaring class's loader; null for the boot loader
     */
    SideTable(ClassLoader home) {
        this.home = home;
        this.foreign = new ForeignTables();
        this.main = this;
    }

    private SideTable(SideTable main) {
        this.home = null;
        this.foreign = null;
        this.main = main;
    }

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
        int objects = size;
        foreignTables.removeIf(table -> table.refersTo(null));
        for (WeakReference<SideTable> table : foreignTables) {
            SideTable live = table.get();
            objects += live == null ? 0 : live.size();
        }
        return objects;
    }

    /**
     * Shows {@code visitor} each live object holding a value here or in a table of another loader's class, with its
     * value read by {@code get}, {@code (FieldValue)T}, boxed.
     */
    void forEachValue(AddedFields.ValueVisitor visitor, MethodHandle get) throws Throwable {
        List<Entry[]> tables = new ArrayList<>();
        synchronized (this) {
            tables.add(buckets);
            for (WeakReference<SideTable> table : foreignTables) {
                SideTable live = table.get();
                if (live != null) {
                    tables.add(live.buckets);
                }
            }
        }
        for (Entry[] table : tables) {
            for (Entry head : table) {
                for (Entry entry = head; entry != null; entry = entry.next) {
                    Object owner = entry.get();
                    if (owner != null) {
                        visitor.visit(owner, get.invoke(entry.value));
                    }
                }
            }
        }
    }

    @SuppressWarnings("UnusedMethod") // called through READ, found by name
    private FieldValue valueToRead(Object receiver) {
        FieldValue value = find(buckets, Objects.requireNonNull(receiver,
                "the object whose added field is read is null"));
        if (value != null) {
            return value;
        }
        SideTable own = tableOf(receiver);
        if (own != this) {
            return own.valueToRead(receiver);
        }
        return main.start == null ? DEFAULTS : add(receiver);
    }

    @SuppressWarnings("UnusedMethod") // called through WRITE, found by name
    private FieldValue valueToWrite(Object receiver) {
        FieldValue value = find(buckets, Objects.requireNonNull(receiver,
                "the object whose added field is written is null"));
        if (value != null) {
            return value;
        }
        SideTable own = tableOf(receiver);
        return own != this ? own.valueToWrite(receiver) : add(receiver);
    }

    /** {@return the table that holds the object's value: this one, or its class's when another loader defined it} */
    private SideTable tableOf(Object receiver) {
        Class<?> type = receiver.getClass();
        return foreign == null || type.getClassLoader() == home ? this : foreign.get(type);
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
        MethodHandle seed = main.start;
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

    /** The table of each class of another loader than the declaring class's, kept on that class. */
    private final class ForeignTables extends ClassValue<SideTable> {
        @Override
        protected SideTable computeValue(Class<?> type) {
            SideTable table = new SideTable(SideTable.this);
            synchronized (SideTable.this) {
                foreignTables.add(new WeakReference<>(table));
            }
            return table;
        }
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

package dev.reload.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SwitchPoint;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where the fields that reloads added to one class live, since the running class has no room for them: a cell per
 * static field, and a {@link SideTable} by object identity per instance field, each holding values unboxed
 * ({@link FieldValue}). A field is known by its name and descriptor, so a later reload that keeps it finds the same
 * storage and its values. Lives on the boot class path with the rest of the runtime. Thread-safe.
 */
public final class AddedFields {
    private static final Registry REGISTRY = new Registry();
    private static final MethodHandle INITIALIZE_AT_ACCESS = initializeAtAccess();

    private final Map<String, StaticCell> statics = new HashMap<>();
    private final Map<String, SideTable> instances = new HashMap<>();
    /** The type each retyped field has in the version running now, by name; none once it is back to its own. */
    private final Map<String, String> retypedTo = new HashMap<>();
    private final Set<String> volatileFields = new HashSet<>();
    /** The loader of the class the fields were added to. */
    private final ClassLoader home;

    private AddedFields(ClassLoader home) {
        this.home = home;
    }

    /** {@return the added fields of a class, created empty on first use} */
    public static AddedFields of(Class<?> owner) {
        return REGISTRY.get(Objects.requireNonNull(owner, "owner"));
    }

    /**
     * Gives a field new storage for the accesses linked from now on, as if no reload had added it before: one added,
     * removed by a later reload and added again starts where a first addition does, not from the values it held.
     * The accesses linked before keep the storage they had, for the code from before that still runs.
     *
     * @param name the field's name, never null
     * @param descriptor the field's descriptor, never null
     */
    public synchronized void startAfresh(String name, String descriptor) {
        statics.remove(key(name, descriptor));
        instances.remove(key(name, descriptor));
    }

    /**
     * Makes every access of a field, linked from now on, read and write it with volatile semantics (JLS 17.4), as
     * its {@code volatile} modifier asks. Called before the reload that adds it, so before any access links.
     *
     * @param name the field's name, never null
     * @param descriptor the field's descriptor, never null
     */
    public synchronized void declareVolatile(String name, String descriptor) {
        volatileFields.add(key(name, descriptor));
    }

    /**
     * Gives a static field its constant ({@code ConstantValue}, JVMS 4.7.2) when it has no place yet, as the JVM
     * would when it prepares the class.
     *
     * @param name the field's name, never null
     * @param descriptor the field's descriptor, never null
     * @param constant the boxed constant ({@code Integer} for int, short, char, byte and boolean), never null
     */
    public synchronized void constant(String name, String descriptor, Object constant) {
        statics.computeIfAbsent(key(name, descriptor), k -> {
            StaticCell cell = new StaticCell();
            cell.value.setConstant(descriptor, constant);
            return cell;
        });
    }

    /**
     * Makes a field whose type changed start from the value of the running field it replaces for the new code: a
     * static field takes it, converted, at its first access or when the agent runs the reload's initializers, which
     * comes first (the code from before writes the running field until the reload applies, and those writes are
     * kept), and its initializer does not run; an object takes its own the first time the new field of it is read or
     * written. Only for conversions that lose nothing; the agent calls it before the reload that retypes the field,
     * so before any access links.
     *
     * @param name the field's name, never null
     * @param descriptor the field's new descriptor, never null
     * @param runningValue reads the running field, converted to the new type: {@code ()T} for a static field,
     *                     {@code (Object)T} for an instance field; never null
     * @throws Throwable what adapting the handles threw
     */
    public void startFrom(String name, String descriptor, MethodHandle runningValue) throws Throwable {
        MethodHandle set = FieldValue.setter(descriptor, false);
        MethodHandle read = runningValue.asType(runningValue.type().changeReturnType(FieldValue.kind(descriptor)));
        if (read.type().parameterCount() == 0) {
            // The cell's lock is never taken under this object's: an initializer runs holding it, and links accesses.
            StaticCell cell = staticCellOf(name, descriptor);
            cell.startFromRunningValue(MethodHandles.foldArguments(set, 1, read).bindTo(cell.value));
            return;
        }
        MethodHandle seed = MethodHandles.filterArguments(set, 1,
                read.asType(read.type().changeParameterType(0, Object.class)));
        tableOf(name, descriptor).startFrom(seed);
    }

    /**
     * Makes the first access of a static field, linked from now on, run its initializer, unless one ran for it
     * already: a thread running the new code never reads the field before its value is there. Called before the
     * reload that adds the field, so before any access links.
     *
     * @param name the field's name, never null
     * @param descriptor the field's descriptor, never null
     * @param initializer {@code ()void}, setting the field, never null
     */
    public void initializeOnFirstAccess(String name, String descriptor, MethodHandle initializer) {
        staticCellOf(name, descriptor).initializeOnFirstAccess(initializer);
    }

    /**
     * Forgets what {@link #initializeOnFirstAccess} was given for the field: the reload that adds it was not applied.
     *
     * @param name the field's name, never null
     * @param descriptor the field's descriptor, never null
     */
    public void forgetInitializer(String name, String descriptor) {
        staticCellOf(name, descriptor).forgetPending();
    }

    /**
     * Runs a static field's initializer now, unless it ran: the one its first access was to run, else
     * {@code initializer}, the first time only. Not under this object's lock, as the initializer may use other fields.
     *
     * @param name the field's name, never null
     * @param descriptor the field's descriptor, never null
     * @param initializer {@code ()void}, setting the field, never null
     * @return what the initializer threw, now or at a first access before; null when it did not throw or did not run
     */
    public Throwable initialize(String name, String descriptor, MethodHandle initializer) {
        return staticCellOf(name, descriptor).initialize(initializer);
    }

    /**
     * {@return true the first time it is asked for a static field, when its initializer should run; false after}
     *
     * @param name the field's name, never null
     * @param descriptor the field's descriptor, never null
     */
    public boolean claimInitializer(String name, String descriptor) {
        return staticCellOf(name, descriptor).claimInitializer();
    }

    /** Shown the values of a field, each with the object that holds it, or null for a static field's one value. */
    @FunctionalInterface
    public interface ValueVisitor {
        void visit(Object owner, Object value) throws Throwable;
    }

    /**
     * Shows {@code visitor} each value the field holds, boxed: a static field's one value, with a null owner, once it
     * holds its value (no initializer or running value waits for its first access); an instance field's value in each
     * live object that holds one. For a field retyped back to the type it loaded with: what the versions in between
     * wrote goes back to the running field.
     *
     * @param name the field's name, never null
     * @param descriptor the field's descriptor, never null
     * @param isStatic whether the field is static
     * @param visitor shown each value, never null
     * @throws Throwable what the visitor threw
     */
    public void forEachValue(String name, String descriptor, boolean isStatic, ValueVisitor visitor)
            throws Throwable {
        MethodHandle get = FieldValue.getter(descriptor, true);
        StaticCell cell;
        SideTable table;
        synchronized (this) {
            cell = statics.get(key(name, descriptor));
            table = instances.get(key(name, descriptor));
        }
        if (isStatic && cell != null && cell.holdsItsValue()) {
            visitor.visit(null, get.invoke(cell.value));
        } else if (!isStatic && table != null) {
            table.forEachValue(visitor, get);
        }
    }

    /**
     * {@return the descriptor a field whose type a reload changed has in the version running now, where its values
     * live; null when the version running uses the field the class loaded with}
     */
    public synchronized String retypedTo(String name) {
        return retypedTo.get(name);
    }

    /**
     * Notes the type a field has in the version a reload brings, when it is not the one the class loaded with.
     *
     * @param descriptor the new descriptor, or null when the field is back to the one the class loaded with
     */
    public synchronized void retype(String name, String descriptor) {
        if (descriptor == null) {
            retypedTo.remove(name);
        } else {
            retypedTo.put(name, descriptor);
        }
    }

    /**
     * {@return a handle reading the field: {@code ()T} for a static field, {@code (Object)T} for an instance field,
     * {@code T} the variable type of its kind}, as the code of the version that declares it reads it
     */
    public MethodHandle reader(String name, String descriptor, boolean isStatic) {
        Class<?> kind = FieldValue.kind(descriptor);
        return isStatic ? accessor(name, descriptor, FieldOpcodes.GETSTATIC, MethodType.methodType(kind))
                : accessor(name, descriptor, FieldOpcodes.GETFIELD, MethodType.methodType(kind, Object.class));
    }

    /** {@return how many objects hold a value of an added instance field now, for tests that watch memory} */
    public synchronized int objectsHolding(String name, String descriptor) {
        SideTable table = instances.get(key(name, descriptor));
        return table == null ? 0 : table.size();
    }

    /**
     * {@return a handle reading or writing the field, of the type an instruction of the kind takes}: values are
     * converted as the instruction would ({@code putfield} of a {@code boolean} keeps the lowest bit, JVMS 6.5)
     *
     * @param opcode {@code GETSTATIC}, {@code PUTSTATIC}, {@code GETFIELD} or {@code PUTFIELD} (JVMS 6.5)
     * @param type the instruction's type: what it pops, and what it pushes
     */
    synchronized MethodHandle accessor(String name, String descriptor, int opcode, MethodType type) {
        boolean isVolatile = volatileFields.contains(key(name, descriptor));
        MethodHandle access = switch (opcode) {
            case FieldOpcodes.GETSTATIC -> initializedFirst(staticCell(name, descriptor),
                    FieldValue.getter(descriptor, isVolatile).bindTo(staticCell(name, descriptor).value));
            case FieldOpcodes.PUTSTATIC -> initializedFirst(staticCell(name, descriptor),
                    FieldValue.setter(descriptor, isVolatile).bindTo(staticCell(name, descriptor).value));
            case FieldOpcodes.GETFIELD -> table(name, descriptor).reader(descriptor, isVolatile);
            case FieldOpcodes.PUTFIELD -> table(name, descriptor).writer(descriptor, isVolatile);
            default -> throw new IllegalArgumentException("not a field instruction: " + opcode);
        };
        return MethodHandles.explicitCastArguments(access, type);
    }

    /**
     * {@return a handle {@code (Object)void} setting a static field to a value, unboxed as its type asks}: how a
     * changed initializer's new value reaches the field
     *
     * @param name the field's name, never null
     * @param descriptor the field's descriptor, never null
     */
    public MethodHandle staticSetter(String name, String descriptor) {
        return accessor(name, descriptor, FieldOpcodes.PUTSTATIC, MethodType.methodType(void.class, Object.class));
    }

    /**
     * {@return the access, running the field's waiting initializer first while one waits}: a switch point, so that
     * once it ran the access costs what it did before
     */
    private static MethodHandle initializedFirst(StaticCell cell, MethodHandle access) {
        SwitchPoint whilePending = cell.whilePending();
        if (whilePending == null) {
            return access;
        }
        return whilePending.guardWithTest(MethodHandles.foldArguments(access, INITIALIZE_AT_ACCESS.bindTo(cell)),
                access);
    }

    private static MethodHandle initializeAtAccess() {
        try {
            return MethodHandles.lookup().findVirtual(StaticCell.class, "initializeAtAccess",
                    MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new LinkageError("the runtime's StaticCell has no initializeAtAccess()", e);
        }
    }

    private synchronized StaticCell staticCellOf(String name, String descriptor) {
        return staticCell(name, descriptor);
    }

    private synchronized SideTable tableOf(String name, String descriptor) {
        return table(name, descriptor);
    }

    private StaticCell staticCell(String name, String descriptor) {
        return statics.computeIfAbsent(key(name, descriptor), k -> new StaticCell());
    }

    private SideTable table(String name, String descriptor) {
        return instances.computeIfAbsent(key(name, descriptor), k -> new SideTable(home));
    }

    private static String key(String name, String descriptor) {
        return name + ':' + descriptor;
    }

    /** One {@link AddedFields} per class, kept as long as the class is. */
    private static final class Registry extends ClassValue<AddedFields> {
        @Override
        protected AddedFields computeValue(Class<?> type) {
            return new AddedFields(type.getClassLoader());
        }
    }
}

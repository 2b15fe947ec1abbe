package dev.reload.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the fields that reloads added to one class live, since the running class has no room for them: a cell per
 * static field, and a {@link SideTable} by object identity per instance field. A field is known by its name and
 * descriptor, so a later reload that keeps it finds the same storage and its values. Lives on the boot class path
 * with the rest of the runtime. Thread-safe.
 */
public final class AddedFields {
    private static final Registry REGISTRY = new Registry();
    private static final MethodHandle CELL_GET = find(StaticCell.class, "get", MethodType.methodType(Object.class));
    private static final MethodHandle CELL_SET = find(StaticCell.class, "set",
            MethodType.methodType(void.class, Object.class));
    private static final MethodHandle TABLE_GET = find(SideTable.class, "get",
            MethodType.methodType(Object.class, Object.class));
    private static final MethodHandle TABLE_SET = find(SideTable.class, "set",
            MethodType.methodType(void.class, Object.class, Object.class));

    private final Map<String, StaticCell> statics = new HashMap<>();
    private final Map<String, SideTable> instances = new HashMap<>();

    private AddedFields() {
    }

    /** {@return the added fields of a class, created empty on first use} */
    public static AddedFields of(Class<?> owner) {
        return REGISTRY.get(Objects.requireNonNull(owner, "owner"));
    }

    /**
     * Gives a static field its constant ({@code ConstantValue}, JVMS 4.7.2) when it has none yet, as the JVM would
     * when it prepares the class.
     *
     * @param name the field's name, never null
     * @param descriptor the field's descriptor, never null
     * @param constant the boxed constant ({@code Integer} for int, short, char, byte and boolean), never null
     */
    public synchronized void constant(String name, String descriptor, Object constant) {
        statics.computeIfAbsent(key(name, descriptor), k -> new StaticCell(fromConstant(descriptor, constant)));
    }

    /**
     * {@return true the first time it is asked for a static field, when its initializer should run; false after}
     *
     * @param name the field's name, never null
     * @param descriptor the field's descriptor, never null
     */
    public synchronized boolean claimInitializer(String name, String descriptor) {
        return staticCell(name, descriptor).claimInitializer();
    }

    /** {@return how many objects hold a value of an added instance field now, for tests that watch memory} */
    public synchronized int objectsHolding(String name, String descriptor) {
        SideTable table = instances.get(key(name, descriptor));
        return table == null ? 0 : table.size();
    }

    /**
     * {@return a handle reading or writing the field, of the type an instruction of the kind takes}
     *
     * @param opcode {@code GETSTATIC}, {@code PUTSTATIC}, {@code GETFIELD} or {@code PUTFIELD} (JVMS 6.5)
     * @param type the instruction's type: what it pops, and what it pushes
     */
    synchronized MethodHandle accessor(String name, String descriptor, int opcode, MethodType type) {
        MethodHandle generic = switch (opcode) {
            case FieldOpcodes.GETSTATIC -> CELL_GET.bindTo(staticCell(name, descriptor));
            case FieldOpcodes.PUTSTATIC -> CELL_SET.bindTo(staticCell(name, descriptor));
            case FieldOpcodes.GETFIELD -> TABLE_GET.bindTo(table(name, descriptor));
            case FieldOpcodes.PUTFIELD -> TABLE_SET.bindTo(table(name, descriptor));
            default -> throw new IllegalArgumentException("not a field instruction: " + opcode);
        };
        return generic.asType(type);
    }

    private StaticCell staticCell(String name, String descriptor) {
        return statics.computeIfAbsent(key(name, descriptor), k -> new StaticCell(defaultValue(descriptor)));
    }

    private SideTable table(String name, String descriptor) {
        return instances.computeIfAbsent(key(name, descriptor), k -> new SideTable(defaultValue(descriptor)));
    }

    private static String key(String name, String descriptor) {
        return name + ':' + descriptor;
    }

    /** {@return the boxed value a field of the descriptor's type starts with (JVMS 2.3, 2.4)} */
    static Object defaultValue(String descriptor) {
        return switch (descriptor.charAt(0)) {
            case 'Z' -> Boolean.FALSE;
            case 'B' -> (byte) 0;
            case 'C' -> (char) 0;
            case 'S' -> (short) 0;
            case 'I' -> 0;
            case 'J' -> 0L;
            case 'F' -> 0f;
            case 'D' -> 0d;
            default -> null;
        };
    }

    /** {@return a constant as the field's type boxes it: the class file stores the small types as int} */
    private static Object fromConstant(String descriptor, Object constant) {
        if (!(constant instanceof Integer value)) {
            return constant;
        }
        return switch (descriptor.charAt(0)) {
            case 'Z' -> value != 0;
            case 'B' -> (byte) (int) value;
            case 'C' -> (char) (int) value;
            case 'S' -> (short) (int) value;
            default -> value;
        };
    }

    private static MethodHandle find(Class<?> type, String name, MethodType methodType) {
        try {
            return MethodHandles.lookup().findVirtual(type, name, methodType);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One {@link AddedFields} per class, kept as long as the class is. */
    private static final class Registry extends ClassValue<AddedFields> {
        @Override
        protected AddedFields computeValue(Class<?> type) {
            return new AddedFields();
        }
    }
}

package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.InitializerUpdate;
import dev.reload.patcher.rewrite.StaticInitializers;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.shape.SyntheticNames;
import dev.reload.runtime.AddedFields;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives the static fields whose initializer changed their new values, after the batch that changed them took: the
 * class holding the changed initializers is defined as a hidden nestmate of the class (so they keep private
 * access), each runs once, and its value goes into the field, or into the runtime's storage for a field a reload
 * added. The fields the batch adds to the class get their first values among them, in the static initializer's
 * order ({@link InitializerUpdate#added()}). The rest of the static initializer does not run again. Used by the
 * reload thread only.
 */
public final class ChangedInitializerRunner {
    private final Instrumentation instrumentation;
    private StaticFieldWriter writer;

    /**
     * @param instrumentation used to export {@code jdk.internal.misc} to the agent the first time a final field is
     *                        written, never null
     */
    public ChangedInitializerRunner(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /**
     * What running the changed initializers of one class did.
     *
     * @param updated the fields given their new value, in the static initializer's order
     * @param finalFields the {@code static final} fields the class declares among them, whose old value compiled
     *                    code may have folded
     * @param problems one line for each initializer that did not give its field a value
     */
    public record Outcome(List<MemberKey> updated, List<MemberKey> finalFields, List<String> problems) {
    }

    /**
     * {@return what happened to each changed field of {@code owner}}
     *
     * @param owner the class, redefined with the new version already, never null
     * @param update what changed, never null
     * @param valueClass {@link InitializerUpdate#valueClass()} with its calls linked as the class's are, never null
     */
    public Outcome run(Class<?> owner, InitializerUpdate update, byte[] valueClass) {
        return run(owner, update, valueClass, false);
    }

    /**
     * {@return what building the switch tables of a switch map class again did}: a class the batch did not change,
     * whose enum has new constants ({@link dev.reload.patcher.rewrite.StaticInitializers#rebuildSwitchMaps}); a table
     * never shrinks, so a removed constant that code still holds reaches the case it reached before
     *
     * @param owner the switch map class, never null
     * @param update its arrays and the class that builds them, never null
     * @param valueClass {@link InitializerUpdate#valueClass()} with its calls linked as the class's are, never null
     */
    public Outcome rebuildSwitchMaps(Class<?> owner, InitializerUpdate update, byte[] valueClass) {
        return run(owner, update, valueClass, true);
    }

    private Outcome run(Class<?> owner, InitializerUpdate update, byte[] valueClass, boolean sameCode) {
        List<MemberKey> updated = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        MethodHandles.Lookup values;
        try {
            values = FullLookup.of(owner).defineHiddenClass(valueClass, true, MethodHandles.Lookup.ClassOption.NESTMATE);
        } catch (StructuralLinkException | IllegalAccessException | LinkageError e) {
            return new Outcome(updated, List.of(), List.of(owner.getName() + ": the changed static field initializers"
                    + " could not be run (" + e + "); the fields keep their values"));
        }
        List<MemberKey> finalFields = new ArrayList<>();
        for (MemberKey key : update.changed()) {
            boolean added = update.added().contains(key);
            if (added) {
                // Its first value: no later reload runs its initializer again, as for a field the engine starts.
                AddedFields.of(owner).claimInitializer(key.name(), key.descriptor());
            }
            Optional<String> problem = runOne(owner, values, key, sameCode, added);
            if (problem.isPresent()) {
                problems.add(problem.get());
            } else {
                updated.add(key);
                if (declaredFinal(owner, key)) {
                    finalFields.add(key);
                }
            }
        }
        return new Outcome(updated, finalFields, problems);
    }

    /**
     * {@return a line saying what the program may not see of an enum's new constants, when its {@code Class}'s caches
     * of them (behind {@code valueOf}, {@code EnumSet}, {@code EnumMap}) could not be emptied or the ordinals moved}
     * Call it once the enum's new {@code values()} runs everywhere: compiled code that folded the old array of
     * constants deoptimized, or the caches would fill again from it.
     *
     * @param enumType an enum whose array of constants {@link #run} gave a new value, never null
     */
    public Optional<String> constantsChanged(Class<?> enumType) {
        return EnumConstantCaches.rebuilt(enumType, this::writer);
    }

    /**
     * Empties the JDK's caches of an enum's constants as soon as a batch changing them applied, for the code that
     * reads them before {@link #constantsChanged}: {@code new EnumMap} and {@code EnumSet.allOf} then see the
     * constants the new {@code values()} lists.
     */
    public void emptyConstantCaches(Class<?> enumType) {
        EnumConstantCaches.empty(enumType, this::writer);
    }

    /**
     * What making the switch tables over an enum longer did.
     *
     * @param holders the classes whose {@code static final} tables were replaced by longer ones
     * @param finalFields the names of those tables, whose old arrays compiled code may have folded
     * @param problems one line for each table that could not be made longer
     */
    public record Padded(Set<Class<?>> holders, Set<String> finalFields, List<String> problems) {
    }

    /**
     * {@return what making each switch table over {@code enumType} that the holders declare at least {@code length}
     * long did}: javac's {@code $SwitchMap$pkg$Enum} arrays and the Eclipse compiler's {@code $SWITCH_TABLE$pkg$Enum}
     * fields. The new places hold the case the batch's new code gives each new constant, where its class file says
     * ({@code newCases}), and else 0, a switch's {@code default}. Made before the enum lists its new constants, so that
     * a switch meeting one before its table is built again takes its case, or its default, instead of indexing past
     * the end.
     *
     * @param enumType an enum that gains constants, never null
     * @param holders the loaded classes that may declare such tables, never null
     * @param whenMappings kotlinc's {@code $WhenMappings} classes that map the enum: each of their numbered
     *                     {@code $EnumSwitchMapping$N} arrays is made as long (an array of another enum only gains
     *                     places its switch never reaches); never null
     * @param length the enum's new number of constants
     * @param newCases for the holders a batch redefines, each table's case by constant ordinal as their new class
     *                 files fill it, by table name; never null
     * @param firstAdded the ordinal of the first constant the batch adds: a table long enough already (a constant
     *                   removed, then added back) takes the new cases in place from there
     */
    public Padded padSwitchTables(Class<?> enumType, Collection<Class<?>> holders, Collection<Class<?>> whenMappings,
                                  int length, Map<Class<?>, Map<String, int[]>> newCases, int firstAdded) {
        Set<String> names = Set.of(SyntheticNames.switchMapName(enumType.getName()),
                SyntheticNames.switchTableName(enumType.getName()));
        Map<Class<?>, List<Field>> tables = new LinkedHashMap<>();
        for (Class<?> holder : holders) {
            tables.put(holder, switchTables(holder, names));
        }
        for (Class<?> mappings : whenMappings) {
            tables.put(mappings, switchTables(mappings, null));
        }
        Set<Class<?>> replaced = new LinkedHashSet<>();
        Set<String> finalFields = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Class<?>, List<Field>> each : tables.entrySet()) {
            Class<?> holder = each.getKey();
            for (Field field : each.getValue()) {
                try {
                    if (pad(holder, field, length, casesOf(newCases, holder, field), firstAdded)
                            && Modifier.isFinal(field.getModifiers())) {
                        replaced.add(holder);
                        finalFields.add(field.getName());
                    }
                } catch (Throwable e) {
                    problems.add(holder.getName() + "." + field.getName() + ": the enum switch table could not be made"
                            + " longer before the new constants (" + e + "); a new constant reaching its switch before"
                            + " it is built again may throw");
                }
            }
        }
        return new Padded(replaced, finalFields, problems);
    }

    /** {@return the switch tables the class declares with one of the names, or with any name when it is null} */
    private static List<Field> switchTables(Class<?> holder, Set<String> names) {
        List<Field> tables = new ArrayList<>();
        try {
            for (Field field : holder.getDeclaredFields()) {
                if ((names == null || names.contains(field.getName())) && SwitchArrays.isSwitchTable(field)) {
                    tables.add(field);
                }
            }
        } catch (LinkageError e) {
            // A field type that no longer links: the class has no table the agent can reach.
        }
        return tables;
    }

    /** Writes the new code's cases into the table from {@code from} up to {@code to}, where {@code cases} has them. */
    private static void takeCases(int[] table, int[] cases, int from, int to) {
        for (int ordinal = from; cases != null && ordinal < Math.min(to, cases.length); ordinal++) {
            table[ordinal] = cases[ordinal];
        }
    }

    private static int[] casesOf(Map<Class<?>, Map<String, int[]>> newCases, Class<?> holder, Field field) {
        Map<String, int[]> tables = newCases.get(holder);
        return tables == null ? null : tables.get(field.getName());
    }

    /**
     * {@return true when the table was replaced by a longer copy; false when it was long enough, or not built yet}
     *
     * @param cases the new code's case by ordinal, whose places past the running table's end the copy takes; or null
     * @param firstAdded the first ordinal whose case a table long enough already takes in place
     */
    private boolean pad(Class<?> holder, Field field, int length, int[] cases, int firstAdded) throws Throwable {
        int[] running = (int[]) FullLookup.of(holder).findStaticGetter(holder, field.getName(), int[].class).invoke();
        if (running == null) {
            return false;
        }
        if (running.length >= length) {
            takeCases(running, cases, firstAdded, length);
            return false;
        }
        int[] padded = Arrays.copyOf(running, length);
        takeCases(padded, cases, running.length, length);
        writer().write(field, padded);
        return true;
    }

    /**
     * Empties the Eclipse compiler's enum switch tables ({@code $SWITCH_TABLE$pkg$Enum}) the given classes declare:
     * each only caches what its method of the same name builds from the enum's {@code values()} when it finds the
     * field null, so the switch sees constants added since, and cases added in the new version. The method builds
     * the table again at once; a table never shrinks, and the entries past the new end are 0 (the new code's case
     * numbers may mean other cases), so a removed constant still held reaches the switch's {@code default}.
     *
     * @param classes the classes a batch redefined, never null
     * @return one line for each table that could not be built again
     */
    public List<String> resetSwitchTables(List<Class<?>> classes) {
        return resetSwitchTables(classes, false);
    }

    /**
     * Builds the Eclipse compiler's enum switch tables of classes a batch did not change again, for the constants of
     * their enums as they are now; a table never shrinks, so a removed constant that code still holds reaches the
     * case it reached before.
     *
     * @param classes loaded classes holding such tables, never null
     * @return one line for each table that could not be built again
     */
    public List<String> rebuildSwitchTables(List<Class<?>> classes) {
        return resetSwitchTables(classes, true);
    }

    private List<String> resetSwitchTables(List<Class<?>> classes, boolean sameCode) {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : classes) {
            Field[] fields;
            try {
                fields = type.getDeclaredFields();
            } catch (LinkageError e) {
                continue; // a field type that no longer links: the class has no table the agent can reach
            }
            for (Field field : fields) {
                if (SyntheticNames.isSwitchTable(field.getName()) && SwitchArrays.isSwitchTable(field)) {
                    try {
                        resetSwitchTable(type, field, sameCode);
                    } catch (Throwable e) {
                        problems.add(type.getName() + "." + field.getName() + ": the enum switch table could not"
                                + " be built again (" + e + "); the switch may miss constants and cases changed since");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Empties the table, then, when the switch had filled it, has its method (of the same name) build it again at
     * once, so that it can be kept as long as it was.
     */
    private void resetSwitchTable(Class<?> type, Field field, boolean sameCode) throws Throwable {
        MethodHandles.Lookup lookup;
        try {
            lookup = FullLookup.of(type);
        } catch (StructuralLinkException e) {
            writer().write(field, null); // not prepared at load: the method builds the table on the switch's next use
            return;
        }
        int[] running = (int[]) lookup.findStaticGetter(type, field.getName(), int[].class).invoke();
        writer().write(field, null);
        if (running != null) {
            int[] rebuilt = (int[]) lookup.findStatic(type, field.getName(), MethodType.methodType(int[].class))
                    .invoke();
            int[] kept = SwitchArrays.merged(running, rebuilt, sameCode);
            if (kept != rebuilt) {
                writer().write(field, kept);
            }
        }
    }

    private Optional<String> runOne(Class<?> owner, MethodHandles.Lookup values, MemberKey key, boolean sameCode,
                                    boolean added) {
        Object value;
        try {
            MethodHandle initializer = values.findStatic(values.lookupClass(),
                    StaticInitializers.VALUE_PREFIX + key.name(),
                    MethodType.fromMethodDescriptorString("()" + key.descriptor(), owner.getClassLoader()));
            value = initializer.invoke();
        } catch (Throwable e) {
            // The program's own code threw, or named what it cannot reach: report it, the field keeps its value.
            return Optional.of(owner.getName() + "." + key.name() + (added ? ": its initializer threw " + e
                    + "; the field keeps its default value" : ": its changed initializer threw " + e
                    + "; the field keeps its value"));
        }
        try {
            Field field = declared(owner, key);
            if (field == null) {
                AddedFields.of(owner).staticSetter(key.name(), key.descriptor()).invoke(value);
            } else {
                if (SwitchArrays.isSwitchTable(field)) {
                    int[] running = (int[]) values.findStaticGetter(owner, field.getName(), int[].class).invoke();
                    value = SwitchArrays.merged(running, (int[]) value, sameCode);
                }
                writer().write(field, value);
            }
            return Optional.empty();
        } catch (Throwable e) {
            return Optional.of(owner.getName() + "." + key.name() + ": its new value could not be written (" + e
                    + "); the field keeps its value");
        }
    }

    private StaticFieldWriter writer() throws ReflectiveOperationException {
        if (writer == null) {
            writer = StaticFieldWriter.open(instrumentation);
        }
        return writer;
    }

    private static boolean declaredFinal(Class<?> owner, MemberKey key) {
        Field field = declared(owner, key);
        return field != null && Modifier.isFinal(field.getModifiers());
    }

    /** {@return the field the running class declares with the key's name and type; null for an added field} */
    private static Field declared(Class<?> owner, MemberKey key) {
        try {
            Field field = owner.getDeclaredField(key.name());
            return field.getType().descriptorString().equals(key.descriptor()) ? field : null;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}

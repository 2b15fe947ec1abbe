package dev.reload.agent.reload;

import dev.reload.agent.index.LoadedClass;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.patcher.rewrite.ClassReferences;
import dev.reload.patcher.rewrite.InitializerUpdate;
import dev.reload.patcher.rewrite.StaticInitializers;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.SyntheticNames;
import dev.reload.patcher.shape.UnreadableClassException;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the enum switch tables held by loaded classes that a batch did not rebuild, over enums whose constants the
 * batch changed: each was sized and filled for the old constants, so a new constant reaching its switch would index
 * past its end. javac names a switch map class's arrays for their enum ({@code $SwitchMap$pkg$Enum} in
 * {@code Outer$N}), as the Eclipse compiler names its table field ({@code $SWITCH_TABLE$pkg$Enum} in the switching
 * class), so the shape the agent keeps of every loaded class tells them by a field's name, with no class file read;
 * kotlinc numbers its arrays ({@code $EnumSwitchMapping$0} in {@code Outer$WhenMappings}), and only the static
 * initializer says which enum each maps, so the class files of those few classes are read. Found on the reload
 * thread before a batch applies ({@link #ahead}), and again where the batch applies if a class loaded in between.
 */
final class OutsideSwitchTables {
    private static final String KOTLIN_FIRST_MAPPING = SyntheticNames.KOTLIN_SWITCH_MAPPING_PREFIX + "0";

    private final LoadedClassIndex index;
    private final Instrumentation instrumentation;
    private final RunningClassFiles runningClassFiles;

    OutsideSwitchTables(LoadedClassIndex index, Instrumentation instrumentation, RunningClassFiles runningClassFiles) {
        this.index = index;
        this.instrumentation = instrumentation;
        this.runningClassFiles = runningClassFiles;
    }

    /**
     * The switch tables to build again.
     *
     * @param switchMaps the switch map classes (javac's, kotlinc's), each with what builds its arrays again
     * @param tableHolders the classes holding the Eclipse compiler's tables, with the names of those fields
     * @param problems one line for each switch map class whose class file the JVM could not give
     */
    record Found(Map<Class<?>, InitializerUpdate> switchMaps, Map<Class<?>, List<String>> tableHolders,
                 List<String> problems) {
    }

    /**
     * {@return the switch tables over the enums held by loaded classes other than {@code handled}}
     *
     * @param enums enums whose constants a batch changed, never null
     * @param handled the classes whose tables the batch builds again itself, never null
     */
    Found find(Collection<Class<?>> enums, Set<Class<?>> handled) {
        Set<String> mapNames = new LinkedHashSet<>();
        Set<String> tableNames = new LinkedHashSet<>();
        Set<String> enumNames = new LinkedHashSet<>();
        for (Class<?> type : enums) {
            mapNames.add(SyntheticNames.switchMapName(type.getName()));
            tableNames.add(SyntheticNames.switchTableName(type.getName()));
            enumNames.add(type.getName().replace('.', '/'));
        }
        Set<String> names = new LinkedHashSet<>(mapNames);
        names.addAll(tableNames);
        names.add(KOTLIN_FIRST_MAPPING);
        List<LoadedClass> mapClasses = new ArrayList<>();
        Map<Class<?>, List<String>> tableHolders = new LinkedHashMap<>();
        for (LoadedClass loaded : index.declaringAnyField(names, instrumentation)) {
            if (handled.contains(loaded.type())) {
                continue;
            }
            List<String> tables = tableNames.stream().filter(name -> declares(loaded, name)).toList();
            if (tables.isEmpty()) {
                mapClasses.add(loaded);
            } else {
                tableHolders.put(loaded.type(), tables);
            }
        }
        Map<Class<?>, InitializerUpdate> switchMaps = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (!mapClasses.isEmpty()) {
            try {
                runningClassFiles.recover(mapClasses.stream().<Class<?>>map(LoadedClass::type).toList())
                        .forEach((type, running) -> {
                            // A kotlinc class maps the enums its static initializer names; javac's named them above.
                            if (ClassReferences.namesAny(running, enumNames)) {
                                InitializerUpdate update = StaticInitializers.rebuildSwitchMaps(running);
                                if (update.valueClass() != null) {
                                    switchMaps.put(type, update);
                                }
                            }
                        });
            } catch (RewriteRefusedException e) {
                problems.add("the enum switch tables of " + mapClasses.stream().map(l -> l.type().getName()).toList()
                        + " are not built again for the changed constants (" + e.refusals().get(0).line() + "); a new"
                        + " constant reaching their switches throws until their classes are edited and saved");
            }
        }
        return new Found(switchMaps, tableHolders, problems);
    }

    /**
     * What the switch tables over enums whose constants a batch changes need, found on the reload thread before the
     * batch applies: the classes holding them, to make them long enough, and the switch maps outside the batch, to
     * build them again. With {@code sync=} the batch applies on the game's thread, where the pass over every loaded
     * class's shape and the recovery of kotlinc's class files held a frame.
     *
     * @param filedCount the index's {@link LoadedClassIndex#filedCount} when they were found: a class loaded since may
     *     hold a table they lack, and they are found again
     * @param enums the enums, never null
     * @param holders the classes holding each enum's tables, a class of the batch as its new file declares; never null
     * @param outside the switch maps over the enums outside the batch; never null
     */
    record Ahead(long filedCount, Set<Class<?>> enums, Map<Class<?>, Holders> holders, Found outside) {
        /** Nothing found ahead: every table is looked for when the batch applies. */
        static final Ahead NONE = new Ahead(-1, Set.of(), Map.of(), new Found(Map.of(), Map.of(), List.of()));
    }

    /**
     * {@return the holders and switch maps of the tables over the enums, found now, before the batch applies}
     *
     * @param enums enums whose constants the batch changes, never null
     * @param handled the classes whose tables the batch builds again itself, never null
     * @param batch the batch's classes with their new files, never null
     */
    Ahead ahead(Set<Class<?>> enums, Set<Class<?>> handled, List<JudgedClass> batch) {
        if (enums.isEmpty()) {
            return Ahead.NONE;
        }
        long filedCount = index.filedCount();
        Map<Class<?>, Holders> holders = new LinkedHashMap<>();
        for (Class<?> enumType : enums) {
            holders.put(enumType, withBatch(holders(enumType), enumType, batch));
        }
        return new Ahead(filedCount, enums, holders, find(enums, handled));
    }

    /** {@return the holders of the enum's tables found ahead, when no class loaded since; else found now} */
    Holders holders(Class<?> enumType, Ahead ahead) {
        Holders found = isCurrent(ahead) ? ahead.holders().get(enumType) : null;
        return found != null ? found : holders(enumType);
    }

    /** {@return the switch maps found ahead, when they were found for these enums and no class loaded since} */
    Found find(Set<Class<?>> enums, Set<Class<?>> handled, Ahead ahead) {
        return isCurrent(ahead) && ahead.enums().equals(enums) ? ahead.outside() : find(enums, handled);
    }

    private boolean isCurrent(Ahead ahead) {
        return ahead.filedCount() == index.filedCount();
    }

    /**
     * {@return the holders, and the batch's classes whose new files hold tables over the enum}: once the batch applies
     * they run those files, and a table the batch adds is filled when it applies, before the enum's new constants
     */
    private static Holders withBatch(Holders holders, Class<?> enumType, List<JudgedClass> batch) {
        Set<String> named = Set.of(SyntheticNames.switchMapName(enumType.getName()),
                SyntheticNames.switchTableName(enumType.getName()));
        Set<String> enumName = Set.of(enumType.getName().replace('.', '/'));
        List<Class<?>> namedHolders = new ArrayList<>(holders.named());
        List<Class<?>> whenMappings = new ArrayList<>(holders.whenMappings());
        for (JudgedClass judged : batch) {
            ClassShape saved = judged.file().shape();
            if (declaresAny(saved, named)) {
                addOnce(namedHolders, judged.type());
            } else if (saved.field(KOTLIN_FIRST_MAPPING).isPresent()
                    && ClassReferences.namesAny(judged.file().file().bytes(), enumName)) {
                addOnce(whenMappings, judged.type());
            }
        }
        return new Holders(namedHolders, whenMappings);
    }

    private static void addOnce(List<Class<?>> types, Class<?> type) {
        if (!types.contains(type)) {
            types.add(type);
        }
    }

    /**
     * The loaded classes, in a batch or not, holding switch tables over one enum.
     *
     * @param named the classes declaring javac's switch map array or the Eclipse compiler's table over it, by name
     * @param whenMappings kotlinc's {@code $WhenMappings} classes whose static initializer names it: their numbered
     *                     arrays do not say which enum they map, so their class files are read (recovered from the
     *                     JVM); none when the JVM cannot give them, which {@link #find} says after
     */
    record Holders(List<Class<?>> named, List<Class<?>> whenMappings) {
    }

    /**
     * {@return the loaded classes holding switch tables over the enum}: one pass over the shapes, as {@link #find}
     * makes
     *
     * @param enumType the enum, never null
     */
    Holders holders(Class<?> enumType) {
        Set<String> named = Set.of(SyntheticNames.switchMapName(enumType.getName()),
                SyntheticNames.switchTableName(enumType.getName()));
        Set<String> names = new LinkedHashSet<>(named);
        names.add(KOTLIN_FIRST_MAPPING);
        List<Class<?>> namedHolders = new ArrayList<>();
        List<Class<?>> kotlinCandidates = new ArrayList<>();
        for (LoadedClass loaded : index.declaringAnyField(names, instrumentation)) {
            (declaresAny(loaded, named) ? namedHolders : kotlinCandidates).add(loaded.type());
        }
        return new Holders(namedHolders, mapping(kotlinCandidates, enumType));
    }

    /** {@return those of kotlinc's {@code $WhenMappings} classes whose static initializer names the enum} */
    private List<Class<?>> mapping(List<Class<?>> candidates, Class<?> enumType) {
        List<Class<?>> mapping = new ArrayList<>();
        if (candidates.isEmpty()) {
            return mapping;
        }
        Set<String> enumName = Set.of(enumType.getName().replace('.', '/'));
        try {
            for (Map.Entry<Class<?>, byte[]> each : runningClassFiles.recover(candidates).entrySet()) {
                if (ClassReferences.namesAny(each.getValue(), enumName)) {
                    mapping.add(each.getKey());
                }
            }
        } catch (RewriteRefusedException e) {
            return List.of();
        }
        return mapping;
    }

    private static boolean declaresAny(LoadedClass loaded, Set<String> fieldNames) {
        try {
            return declaresAny(loaded.captured().shape(), fieldNames);
        } catch (UnreadableClassException e) {
            return false;
        }
    }

    private static boolean declaresAny(ClassShape shape, Set<String> fieldNames) {
        for (String name : fieldNames) {
            if (shape.field(name).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean declares(LoadedClass loaded, String fieldName) {
        try {
            return loaded.captured().shape().field(fieldName).isPresent();
        } catch (UnreadableClassException e) {
            return false;
        }
    }
}

package dev.reload.agent.reload;

import dev.reload.agent.report.Reporter;
import dev.reload.agent.structural.ChangedInitializerRunner;
import dev.reload.agent.structural.PreparedRewrite;
import dev.reload.agent.structural.StructuralEngine;
import dev.reload.patcher.diff.Change;
import dev.reload.patcher.diff.FieldChange;
import dev.reload.patcher.diff.MethodChange;
import dev.reload.patcher.rewrite.InitializerUpdate;
import dev.reload.patcher.rewrite.StaticInitializers;
import dev.reload.patcher.rewrite.SwitchCases;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.FieldShape;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.shape.SyntheticNames;

import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

/**
 * Gives the static fields whose initializer a batch changed their new values (the default; {@code clinit=none}
 * turns it off). Before the redefinition, it compares each field's initializer in the version that runs (the file
 * last applied, or, the first time, the class file the JVM gives back) with the new one; after it, it runs the
 * changed ones ({@link ChangedInitializerRunner}) and deoptimizes the compiled code that may have folded the old
 * value of a final one ({@link CompiledReaders}). Used by the reload thread only.
 */
final class InitializerStep {
    /** {@code ACC_ENUM} of a field (JVMS 4.5): an enum constant. */
    private static final int ENUM_FIELD = 0x4000;
    /** {@code ACC_FINAL} of a field (JVMS 4.5). */
    private static final int FINAL = 0x0010;
    private final boolean enabled;
    private final RunningClassFiles runningClassFiles;
    private final ChangedInitializerRunner runner;
    private final CompiledReaders readers;
    private final StructuralEngine engine;
    private final Reporter reporter;
    private final OutsideSwitchTables outsideSwitchTables;
    /** The initializer fingerprints of the file last applied to each class whose static initializer changed. */
    private final Map<Class<?>, Map<MemberKey, Long>> applied = Collections.synchronizedMap(new WeakHashMap<>());

    InitializerStep(boolean enabled, RunningClassFiles runningClassFiles, ChangedInitializerRunner runner,
                    CompiledReaders readers, StructuralEngine engine, Reporter reporter,
                    OutsideSwitchTables outsideSwitchTables) {
        this.enabled = enabled;
        this.runningClassFiles = runningClassFiles;
        this.runner = runner;
        this.readers = readers;
        this.engine = engine;
        this.reporter = reporter;
        this.outsideSwitchTables = outsideSwitchTables;
    }

    /**
     * {@return the changed initializers of the batch's classes whose static initializer or a static constant
     * changed, by class, and the classes that read the final fields among them}
     *
     * @param changed the batch's changed classes, never null
     */
    ChangedInitializers compare(List<JudgedClass> changed) {
        if (!enabled) {
            return ChangedInitializers.NONE;
        }
        // Loops, not streams or lambdas: every save runs this, and the JDK code a stream pipeline compiles, or the
        // class a lambda spins, stays in the program for every later redefinition to walk.
        List<JudgedClass> compared = new ArrayList<>();
        List<Class<?>> unknown = new ArrayList<>();
        for (JudgedClass judged : changed) {
            if (changesStaticInitializer(judged)) {
                compared.add(judged);
                if (!applied.containsKey(judged.type())) {
                    unknown.add(judged.type());
                }
            }
        }
        if (compared.isEmpty()) {
            return ChangedInitializers.NONE;
        }
        Map<Class<?>, byte[]> recovered = recover(unknown);
        Map<Class<?>, InitializerUpdate> updates = new LinkedHashMap<>();
        for (JudgedClass judged : compared) {
            if (!applied.containsKey(judged.type()) && !recovered.containsKey(judged.type())) {
                continue;
            }
            Map<MemberKey, Long> running = applied.containsKey(judged.type()) ? applied.get(judged.type())
                    : StaticInitializers.fingerprints(recovered.get(judged.type()));
            updates.put(judged.type(), StaticInitializers.compare(running, judged.file().file().bytes()));
        }
        Set<Class<?>> enums = constantsChanging(updates);
        return new ChangedInitializers(updates, searchReaders(compared, updates, enums),
                outsideSwitchTables.ahead(enums, batchTypes(changed, updates), changed));
    }

    /** {@return the enums whose array of constants the updates build again} */
    private static Set<Class<?>> constantsChanging(Map<Class<?>, InitializerUpdate> updates) {
        Set<Class<?>> enums = new LinkedHashSet<>();
        for (Map.Entry<Class<?>, InitializerUpdate> each : updates.entrySet()) {
            if (each.getKey().isEnum() && listsNewValues(each.getKey(), each.getValue().changed())) {
                enums.add(each.getKey());
            }
        }
        return enums;
    }

    /** {@return the classes whose tables the batch builds again itself: those it redefines} */
    private static Set<Class<?>> batchTypes(List<JudgedClass> changed, Map<Class<?>, InitializerUpdate> updates) {
        Set<Class<?>> types = new LinkedHashSet<>(updates.keySet());
        for (JudgedClass judged : changed) {
            types.add(judged.type());
        }
        return types;
    }

    /**
     * {@return the loaded classes naming a final field whose initializer changed, or, for an enum whose constants
     * changed, a switch table over it}: what {@link #took} deoptimizes once the new values are written, found now, on
     * the reload thread, so that no class file is read between the batch's redefinition and its new values
     */
    private FieldReaders searchReaders(List<JudgedClass> compared, Map<Class<?>, InitializerUpdate> updates,
                                       Set<Class<?>> enums) {
        Set<String> names = new LinkedHashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (JudgedClass judged : compared) {
            InitializerUpdate update = updates.get(judged.type());
            if (update == null) {
                continue;
            }
            ClassShape saved = judged.file().shape();
            addFinal(saved, update.changed(), names);
            addFinal(saved, update.added(), names);
            if (enums.contains(judged.type())) {
                names.add(SyntheticNames.switchMapName(judged.type().getName()));
                names.add(SyntheticNames.switchTableName(judged.type().getName()));
                if (prefixes.isEmpty()) {
                    prefixes.add(SyntheticNames.KOTLIN_SWITCH_MAPPING_PREFIX);
                }
            }
        }
        if (names.isEmpty() && prefixes.isEmpty()) {
            return FieldReaders.NONE;
        }
        long start = System.nanoTime();
        FieldReaders found = readers.search(names, prefixes);
        reporter.debug("looked for the classes reading " + names + (prefixes.isEmpty() ? "" : " and " + prefixes + "*")
                + " in " + (System.nanoTime() - start) / 1_000 + " µs, before applying");
        return found;
    }

    /** Adds the names of the keys' fields that the saved class file declares final. */
    private static void addFinal(ClassShape saved, List<MemberKey> keys, Set<String> names) {
        for (MemberKey key : keys) {
            Optional<FieldShape> field = saved.field(key.name());
            if (field.isPresent() && (field.get().access() & FINAL) != 0) {
                names.add(key.name());
            }
        }
    }

    /** {@return the class files the classes run, by class; empty when the JVM cannot give them, which is said} */
    private Map<Class<?>, byte[]> recover(List<Class<?>> types) {
        if (types.isEmpty()) {
            return Map.of();
        }
        try {
            return runningClassFiles.recover(types);
        } catch (RewriteRefusedException e) {
            // The batch applies all the same: its static fields keep their values, as with clinit=none.
            reporter.info("the changed static field initializers of " + types.stream().map(Class::getName)
                    .collect(Collectors.joining(", ")) + " are not run: " + e.refusals().get(0).line());
            return Map.of();
        }
    }

    /**
     * Runs the changed initializers of a batch the JVM took, reports each field given a new value and each
     * initializer not taken apart, and remembers what the classes run now.
     *
     * @param changes what {@link #compare} gave for the batch, never null
     * @param rewrites what the engine prepared for the batch, so the initializers' calls link as the classes' do
     * @param redefined the classes the batch redefined, never null
     */
    void took(ChangedInitializers changes, List<PreparedRewrite> rewrites, List<RedefinedClass> redefined) {
        Map<Class<?>, InitializerUpdate> updates = changes.updates();
        if (updates.isEmpty()) {
            return;
        }
        FieldReaders found = changes.readers();
        for (Class<?> enumType : changes.switchTables().enums()) {
            runner.emptyConstantCaches(enumType);
        }
        Set<Class<?>> gaining = padSwitchTables(updates, redefined, changes);
        Set<Class<?>> owners = new LinkedHashSet<>();
        Set<String> finalFields = new LinkedHashSet<>();
        Set<Class<?>> newConstants = new LinkedHashSet<>();
        // An enum's new values() first: a switch map class sizes its arrays by it.
        List<Class<?>> others = new ArrayList<>();
        for (Class<?> owner : updates.keySet()) {
            if (owner.isEnum()) {
                runChanged(owner, updates.get(owner), rewrites, owners, finalFields, newConstants);
            } else {
                others.add(owner);
            }
        }
        if (!newConstants.isEmpty()) {
            // Code the JIT compiled since the redefinition may hold the old constants array (values() folds it):
            // gone before the enum's caches fill again and a switch map's initializer reads values().
            deoptimize(owners, finalFields, found);
            owners.clear();
            finalFields.clear();
            for (Class<?> enumType : newConstants) {
                runner.constantsChanged(enumType).ifPresent(reporter::info);
            }
        }
        for (Class<?> owner : others) {
            runChanged(owner, updates.get(owner), rewrites, owners, finalFields, newConstants);
        }
        // An enum that only lost constants keeps the tables outside the batch: they never shrink, and their code,
        // run again, would index its removed constants past the new end of values().
        newConstants.retainAll(gaining);
        if (!newConstants.isEmpty()) {
            Set<Class<?>> handled = new LinkedHashSet<>(updates.keySet());
            redefined.forEach(each -> handled.add(each.planned().judged().type()));
            rebuildOutsideSwitchTables(newConstants, handled, rewrites, owners, finalFields, changes.switchTables());
        }
        if (!owners.isEmpty()) {
            deoptimize(owners, finalFields, found);
        }
    }

    /** Runs one class's changed initializers and reports them, noting the finals written and new enum constants. */
    private void runChanged(Class<?> owner, InitializerUpdate update, List<PreparedRewrite> rewrites,
                            Set<Class<?>> owners, Set<String> finalFields, Set<Class<?>> newConstants) {
        applied.put(owner, update.fingerprints());
        List<MemberKey> updated = new ArrayList<>();
        if (update.valueClass() != null) {
            byte[] linked = engine.linkCalls(update.valueClass(), owner.getClassLoader(), rewrites);
            ChangedInitializerRunner.Outcome outcome = runner.run(owner, update, linked);
            outcome.problems().forEach(reporter::info);
            updated.addAll(outcome.updated());
            collectFinal(owner, outcome, owners, finalFields);
            if (owner.isEnum() && listsNewValues(owner, outcome.updated())) {
                newConstants.add(owner);
            }
        }
        updated.removeAll(update.added()); // the batch's report names them, each started by its initializer
        report(owner, updated, update.inseparable());
    }

    /**
     * Makes every switch table over an enum that gains constants long enough for them before the enum lists them in its
     * new {@code values()}, and deoptimizes the code that folded a table: until its table is built again, a switch
     * that meets a new constant takes its {@code default}, where it threw {@code ArrayIndexOutOfBoundsException} into
     * the program's thread.
     *
     * @return the enums that gain constants; one that only loses some keeps its tables, which never shrink
     */
    private Set<Class<?>> padSwitchTables(Map<Class<?>, InitializerUpdate> updates, List<RedefinedClass> redefined,
                                          ChangedInitializers changes) {
        Set<Class<?>> gaining = new LinkedHashSet<>();
        Set<Class<?>> owners = new LinkedHashSet<>();
        Set<String> finalFields = new LinkedHashSet<>();
        for (RedefinedClass each : redefined) {
            JudgedClass judged = each.planned().judged();
            InitializerUpdate update = updates.get(judged.type());
            if (update != null && gainsConstants(judged, update)) {
                gaining.add(judged.type());
                pad(judged, outsideSwitchTables.holders(judged.type(), changes.switchTables()), Map.of(), owners,
                        finalFields);
            }
        }
        if (!owners.isEmpty()) {
            deoptimize(owners, finalFields, changes.readers());
        }
        return gaining;
    }

    /**
     * Makes the switch tables over the enums that gain constants long enough before the batch applies, where
     * {@link #took} would do it only after the redefinition: in between, the new code may reach a new constant (its
     * first access makes it) and index a switch's table past its end. The code from before never indexes past its
     * own constants, so a longer table changes nothing for it, and a batch that is not applied leaves no harm.
     *
     * @param changes what {@link #compare} gave for the batch, never null
     * @param changed the batch's changed classes, never null
     */
    void padAhead(ChangedInitializers changes, List<JudgedClass> changed) {
        if (changes.switchTables().enums().isEmpty()) {
            return;
        }
        Set<Class<?>> owners = new LinkedHashSet<>();
        Set<String> finalFields = new LinkedHashSet<>();
        for (JudgedClass judged : changed) {
            if (changes.switchTables().enums().contains(judged.type()) && addsConstants(judged)) {
                OutsideSwitchTables.Holders holders =
                        outsideSwitchTables.holders(judged.type(), changes.switchTables());
                pad(judged, holders, newCases(judged, holders, changed), owners, finalFields);
            }
        }
        if (!owners.isEmpty()) {
            deoptimize(owners, finalFields, changes.readers());
        }
    }

    /** {@return how many constants the new version adds to what runs, by the verdict} */
    private static int addedConstants(JudgedClass judged) {
        int added = 0;
        for (Change change : judged.verdict().changes()) {
            if (change instanceof FieldChange.EnumConstantChanged constant && constant.added()) {
                added++;
            }
        }
        return added;
    }

    /**
     * {@return true when the new version adds a constant to what runs}: read from the verdict, as asking the enum for
     * its constants would initialize one that is not yet
     */
    private static boolean addsConstants(JudgedClass judged) {
        return addedConstants(judged) > 0;
    }

    /**
     * {@return true when the batch gives the enum more constants than it had}: asked of the verdict, as the new
     * {@code values()} lists the new constants from the redefinition on
     */
    private static boolean gainsConstants(JudgedClass judged, InitializerUpdate update) {
        return judged.type().isEnum() && listsNewValues(judged.type(), update.changed()) && addsConstants(judged);
    }

    /**
     * {@return for each holder of the enum's tables that the batch redefines, the case its new code gives each
     * constant, by ordinal, by table}: read from its new class file, so that a new constant takes its case from the
     * moment it exists, where it took the switch's {@code default} until the table was built again after the batch
     * applied (an exhaustive switch's default throws: {@code IncompatibleClassChangeError}, {@code MatchException},
     * kotlinc's {@code NoWhenBranchMatchedException})
     */
    private static Map<Class<?>, Map<String, int[]>> newCases(JudgedClass enumJudged,
                                                              OutsideSwitchTables.Holders holders,
                                                              List<JudgedClass> changed) {
        List<String> constants = constantNames(enumJudged.type(), enumJudged.file().shape());
        String enumName = enumJudged.type().getName().replace('.', '/');
        Map<Class<?>, Map<String, int[]>> cases = new LinkedHashMap<>();
        for (JudgedClass judged : changed) {
            if (holders.named().contains(judged.type()) || holders.whenMappings().contains(judged.type())) {
                Map<String, int[]> tables = new LinkedHashMap<>();
                for (Map.Entry<String, Map<String, Integer>> table
                        : SwitchCases.of(judged.file().file().bytes(), enumName).entrySet()) {
                    tables.put(table.getKey(), byOrdinal(table.getValue(), constants));
                }
                cases.put(judged.type(), tables);
            }
        }
        return cases;
    }

    /** {@return each constant's case, at its ordinal: its place among the constants; 0 for one without a case} */
    private static int[] byOrdinal(Map<String, Integer> byName, List<String> constants) {
        int[] cases = new int[constants.size()];
        for (int ordinal = 0; ordinal < cases.length; ordinal++) {
            cases[ordinal] = byName.getOrDefault(constants.get(ordinal), 0);
        }
        return cases;
    }

    /** Pads the tables over one enum that gains constants, noting the final fields replaced and their holders. */
    private void pad(JudgedClass judged, OutsideSwitchTables.Holders holders, Map<Class<?>, Map<String, int[]>> cases,
                     Set<Class<?>> owners, Set<String> finalFields) {
        Class<?> type = judged.type();
        int count = constantCount(type, judged.file().shape());
        ChangedInitializerRunner.Padded padded = runner.padSwitchTables(type, holders.named(),
                holders.whenMappings(), count, cases, count - addedConstants(judged));
        padded.problems().forEach(reporter::info);
        owners.addAll(padded.holders());
        finalFields.addAll(padded.finalFields());
    }

    /** {@return true when the keys name the enum's array of its constants ({@code $VALUES})} */
    private static boolean listsNewValues(Class<?> enumType, List<MemberKey> keys) {
        String values = "[" + enumType.descriptorString();
        for (MemberKey key : keys) {
            if (key.descriptor().equals(values)) {
                return true;
            }
        }
        return false;
    }

    /** {@return how many constants the enum's saved class file declares} */
    private static int constantCount(Class<?> enumType, ClassShape saved) {
        return constantNames(enumType, saved).size();
    }

    /** {@return the constants the enum's saved class file declares, in order: their ordinals} */
    private static List<String> constantNames(Class<?> enumType, ClassShape saved) {
        List<String> names = new ArrayList<>();
        for (FieldShape field : saved.fields()) {
            if ((field.access() & ENUM_FIELD) != 0 && field.descriptor().equals(enumType.descriptorString())) {
                names.add(field.name());
            }
        }
        return names;
    }

    /**
     * Builds the enum switch tables of the loaded classes the batch did not rebuild again, for enums whose constants
     * it changed (after their new {@code values()}, which the tables are sized by), and reports each class.
     */
    private void rebuildOutsideSwitchTables(Set<Class<?>> enums, Set<Class<?>> handled, List<PreparedRewrite> rewrites,
                                            Set<Class<?>> owners, Set<String> finalFields,
                                            OutsideSwitchTables.Ahead ahead) {
        OutsideSwitchTables.Found found = outsideSwitchTables.find(enums, handled, ahead);
        found.problems().forEach(reporter::info);
        found.switchMaps().forEach((owner, update) -> {
            byte[] linked = engine.linkCalls(update.valueClass(), owner.getClassLoader(), rewrites);
            ChangedInitializerRunner.Outcome outcome = runner.rebuildSwitchMaps(owner, update, linked);
            outcome.problems().forEach(reporter::info);
            collectFinal(owner, outcome, owners, finalFields);
            reportRebuilt(owner, outcome.updated().stream().map(MemberKey::name).toList());
        });
        runner.rebuildSwitchTables(List.copyOf(found.tableHolders().keySet())).forEach(reporter::info);
        found.tableHolders().forEach(this::reportRebuilt);
    }

    private void reportRebuilt(Class<?> owner, List<String> tables) {
        if (!tables.isEmpty()) {
            reporter.info(owner.getName() + ": enum switch tables built again for the constants as they are now: "
                    + String.join(", ", tables));
        }
    }

    private static void collectFinal(Class<?> owner, ChangedInitializerRunner.Outcome outcome, Set<Class<?>> owners,
                                     Set<String> finalFields) {
        if (!outcome.finalFields().isEmpty()) {
            owners.add(owner);
            outcome.finalFields().forEach(key -> finalFields.add(key.name()));
        }
    }

    /**
     * Empties the Eclipse compiler's enum switch tables of the classes a batch redefined, with or without
     * {@code clinit=none}: each is a cache its own method fills again, at once, with the enum's constants and the
     * switch's cases as they are now (never shorter than it was, so a removed constant still held reaches the
     * switch's {@code default}).
     *
     * @param redefined the classes the batch redefined, never null
     */
    void emptySwitchTables(List<RedefinedClass> redefined) {
        List<Class<?>> types = new ArrayList<>();
        for (RedefinedClass each : redefined) {
            // The class file it runs declares the class's very fields: reflecting on every redefined class instead
            // took 3 to 5 ms of the reload thread per 1,000 classes, ECJ's or not.
            if (SyntheticNames.mayDeclareSwitchTable(each.running())) {
                types.add(each.planned().judged().type());
            }
        }
        for (String problem : runner.resetSwitchTables(types)) {
            reporter.info(problem);
        }
    }

    private void deoptimize(Set<Class<?>> owners, Set<String> finalFields, FieldReaders searched) {
        long start = System.nanoTime();
        try {
            Set<Class<?>> classes = readers.readers(owners, finalFields, searched);
            long found = System.nanoTime();
            readers.deoptimize(classes);
            reporter.debug("retransformed " + classes.size() + " class(es) reading " + finalFields + " (found in "
                    + (found - start) / 1_000 + " µs, retransformed in " + (System.nanoTime() - found) / 1_000
                    + " µs), so that no compiled code keeps an old value");
        } catch (UnmodifiableClassException | RuntimeException | LinkageError | InternalError e) {
            reporter.info("compiled code that read " + finalFields + " may keep the old values until it is"
                    + " compiled again (the JVM refused to retransform the classes reading them: " + e + ")");
        }
    }

    private void report(Class<?> owner, List<MemberKey> updated, List<MemberKey> inseparable) {
        if (!updated.isEmpty()) {
            reporter.info(owner.getName() + ": new values from changed static initializers: " + names(updated)
                    + " (the rest of the static initializer is not re-run)");
        }
        if (!inseparable.isEmpty()) {
            reporter.info(owner.getName() + ": changed initializers not run, as they cannot be taken apart from the"
                    + " rest of the static initializer (a try block, a local of an earlier statement, a field set"
                    + " twice): " + names(inseparable) + " keep their values (give each an initializer of its own)");
        }
    }

    private static String names(List<MemberKey> keys) {
        return keys.stream().map(MemberKey::name).collect(Collectors.joining(", "));
    }

    private static boolean changesStaticInitializer(JudgedClass judged) {
        for (Change change : judged.verdict().changes()) {
            // A changed compile-time constant is in the field's ConstantValue, which the JVM read once, at load.
            // An enum constant added or removed folds the static initializer's change into its own.
            if (change instanceof MethodChange.StaticInitializerChanged || change instanceof FieldChange.ConstantChanged
                    || change instanceof FieldChange.EnumConstantChanged
                    || (change instanceof MethodChange.StaticInitializerAddedOrRemoved added && added.added())) {
                return true;
            }
        }
        return false;
    }
}

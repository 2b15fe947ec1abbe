package dev.reload.agent.reload.numbered;

import dev.reload.agent.index.LoadedClass;
import dev.reload.patcher.diff.BatchDiff;
import dev.reload.patcher.rewrite.Refusal;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.SyntheticNames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides, for one outer class in one class loader, which file of a batch continues each running numbered class
 * ({@code Outer$N}) and under which name each new one loads. A running class is continued by the file holding its
 * code unchanged (under any number), else, its code changed, by the one file left of its kind (its super class and
 * interfaces) when it is the one class left of that kind, else by the file it took its versions from when that file
 * holds its kind (a class whose file holds another kind and whose code is in no file is an orphan). A file that
 * continues no running class is a new class: it keeps its name, unless a running class holds that name, in which
 * case it gets a spare nest member name of the outer (listed in the outer's {@code NestMembers} since it loaded,
 * so the new class is a true nestmate; an outer that loaded without the load-time edit lists none, and the class
 * then loads under the name as its own nest host) that no class is loaded under and no file has.
 */
final class NumberedNest {
    private final String outer;
    private final Map<String, LoadedClass> running;
    private final Function<LoadedClass, Optional<ClassShape>> baselines;
    private final Function<ClassShape, ClassShape> asOwnHost;
    /** The numbered classes the batch's file of the outer lists as nest members; empty when it tells none. */
    private final Set<String> compiledMembers;
    /** A file's shape made its own nest host, by its internal name, made when first compared. */
    private final Map<String, ClassShape> ownHostShapes = new HashMap<>();
    /** File internal name to the running class that continues it. */
    private final Map<String, LoadedClass> continued = new LinkedHashMap<>();
    /** Internal name in a file (or a spare) to the internal name it loads or runs as. */
    private final Map<String, String> renaming = new LinkedHashMap<>();
    /** File internal name of each new class to the internal name it is defined under. */
    private final Map<String, String> newNames = new LinkedHashMap<>();
    private final List<LoadedClass> orphans = new ArrayList<>();
    private Refusal refusal;

    private NumberedNest(String outer, Map<String, LoadedClass> running,
                         Function<LoadedClass, Optional<ClassShape>> baselines,
                         Function<ClassShape, ClassShape> asOwnHost, Set<String> compiledMembers) {
        this.outer = outer;
        this.running = running;
        this.baselines = baselines;
        this.asOwnHost = asOwnHost;
        this.compiledMembers = compiledMembers;
    }

    /**
     * {@return the decision for the outer's numbered classes, or empty when every file keeps the name of the class
     * it continues (nothing was renumbered, now or before), so the batch goes as it always did}
     *
     * @param outer the outer class's internal name, never null
     * @param running its numbered classes loaded in the loader, by internal name, never null
     * @param files the batch's numbered class files of the outer, by internal name, never null
     * @param spares the outer's nest members as it runs, in order, never null
     * @param directory the directory of the outer's class files, never null
     * @param baselines what each running class is judged against, never null
     */
    static Optional<NumberedNest> decide(String outer, Map<String, LoadedClass> running, Map<String, ClassShape> files,
                                         List<String> spares, Path directory,
                                         Function<LoadedClass, Optional<ClassShape>> baselines) {
        return decide(outer, running, files, spares, directory, baselines, Function.identity(), Set.of());
    }

    /**
     * {@return the decision, as {@link #decide(String, Map, Map, List, Path, Function)} gives it}, comparing a file
     * with a running class that loaded as its own nest host (its outer did not list it) as the file would load so
     *
     * @param asOwnHost makes a file's shape its own nest host's, as {@code UnlistedNestmates} loads it; never null
     * @param compiledMembers the nest members the batch's file of the outer lists, empty when the batch has no such
     *     file: a running class's file it does not list is one javac left behind; never null
     */
    static Optional<NumberedNest> decide(String outer, Map<String, LoadedClass> running, Map<String, ClassShape> files,
                                         List<String> spares, Path directory,
                                         Function<LoadedClass, Optional<ClassShape>> baselines,
                                         Function<ClassShape, ClassShape> asOwnHost, Set<String> compiledMembers) {
        NumberedNest nest = new NumberedNest(outer, running, baselines, asOwnHost, compiledMembers);
        nest.match(files, directory);
        nest.name(files.keySet(), spares, directory);
        return nest.renaming.isEmpty() ? Optional.empty() : Optional.of(nest);
    }

    /** {@return internal name in the batch's files to the name it runs as; never empty} */
    Map<String, String> renaming() {
        return renaming;
    }

    /** {@return the running class a file continues, or null when the file holds a new class} */
    LoadedClass continuing(String fileName) {
        return continued.get(fileName);
    }

    /** {@return the name a new class's file loads under; the file's own name when no running class holds it} */
    String newName(String fileName) {
        return newNames.getOrDefault(fileName, fileName);
    }

    /** {@return every file that continues a running class, with it} */
    Map<String, LoadedClass> continued() {
        return continued;
    }

    /** {@return the running classes whose file now holds other code and whose code is in no file any more} */
    List<LoadedClass> orphans() {
        return orphans;
    }

    /** {@return why the new classes cannot be named, or null when they can} */
    Refusal refusal() {
        return refusal;
    }

    /** {@return the words a report says for a new class loaded under a spare name} */
    String whyRenamed(String fileName) {
        // Only a file whose name a running class holds gets a spare name.
        String continuedAs = fileContinuing(fileName);
        return "loaded as " + binary(newName(fileName)) + ", since the running " + binary(fileName)
                + (continuedAs == null ? " keeps its code, which is no longer in the source"
                : " continues as the file " + binary(continuedAs));
    }

    /** {@return the file that continues a running class now, or null when none does} */
    String fileContinuing(String runningName) {
        for (Map.Entry<String, String> entry : renaming.entrySet()) {
            if (entry.getValue().equals(runningName) && !newNames.containsKey(entry.getKey())) {
                return entry.getKey();
            }
        }
        LoadedClass loaded = running.get(runningName);
        boolean orphan = loaded == null || orphans.contains(loaded) || loaded.captured().file() == null;
        return orphan ? null : runningName;
    }

    private void match(Map<String, ClassShape> files, Path directory) {
        Map<String, LoadedClass> byFile = new LinkedHashMap<>();
        running.forEach((name, loaded) -> {
            String file = fileName(loaded);
            if (file != null) {
                byFile.put(file, loaded);
            }
        });
        Set<LoadedClass> taken = new HashSet<>();
        // The same code under the same file name first, so a class that kept its number is not taken by another.
        files.forEach((file, shape) -> {
            LoadedClass holder = byFile.get(file);
            if (holder != null && sameCode(holder, shape)) {
                take(file, holder, taken);
            }
        });
        // The same code under another number: first a class whose file changed, is gone, or that no file continued;
        // then any other, such as one whose file javac left behind when the class before it was removed.
        files.forEach((file, shape) -> takeMoved(file, shape, files.keySet(), directory, taken, true));
        files.forEach((file, shape) -> takeMoved(file, shape, files.keySet(), directory, taken, false));
        // Changed code of a kind that one file left and one class left have: an insertion of another kind before a
        // changed class gives the changed class's number to the inserted one, which must not take its objects.
        takeByKind(files, byFile, directory, taken);
        // Changed code: a file continues the class it continued before, unless that class's code moved elsewhere or
        // the file holds another kind now (the class is then an orphan, and the file a new class).
        files.forEach((file, shape) -> {
            LoadedClass holder = byFile.get(file);
            if (!continued.containsKey(file) && holder != null && !taken.contains(holder) && sameKind(holder, shape)) {
                take(file, holder, taken);
            }
        });
        byFile.forEach((file, loaded) -> {
            if (files.containsKey(file) && !taken.contains(loaded)) {
                orphans.add(loaded);
            } else if (!files.containsKey(file) && !taken.contains(loaded) && !file.equals(name(loaded))) {
                renaming.put(file, name(loaded)); // a file outside the batch keeps feeding the class it continues
            }
        });
    }

    private void takeMoved(String file, ClassShape shape, Set<String> batchFiles, Path directory,
                           Set<LoadedClass> taken, boolean movedOnly) {
        if (continued.containsKey(file)) {
            return;
        }
        for (LoadedClass each : running.values()) {
            boolean eligible = !taken.contains(each) && (!movedOnly || moved(each, batchFiles, directory));
            if (eligible && sameCode(each, shape)) {
                take(file, each, taken);
                return;
            }
        }
    }

    /**
     * Pairs each kind that exactly one file not yet continued and exactly one class not yet taken have, the class's
     * file being in the batch, gone, or left behind (a class whose file is unchanged keeps it, whatever new file
     * shares its kind).
     */
    private void takeByKind(Map<String, ClassShape> files, Map<String, LoadedClass> byFile, Path directory,
                            Set<LoadedClass> taken) {
        Map<Kind, List<String>> filesOfKind = new LinkedHashMap<>();
        files.forEach((file, shape) -> {
            if (!continued.containsKey(file)) {
                filesOfKind.computeIfAbsent(Kind.of(shape), kind -> new ArrayList<>()).add(file);
            }
        });
        Map<Kind, List<LoadedClass>> classesOfKind = new LinkedHashMap<>();
        byFile.values().forEach(loaded -> {
            if (!taken.contains(loaded) && (moved(loaded, files.keySet(), directory) || leftBehind(loaded))) {
                baselines.apply(loaded).ifPresent(baseline ->
                        classesOfKind.computeIfAbsent(Kind.of(baseline), kind -> new ArrayList<>()).add(loaded));
            }
        });
        classesOfKind.forEach((kind, classes) -> {
            List<String> ofKind = filesOfKind.getOrDefault(kind, List.of());
            if (classes.size() == 1 && ofKind.size() == 1) {
                take(ofKind.get(0), classes.get(0), taken);
            }
        });
    }

    /** {@return false only when the running class is known to be of another kind than the file} */
    private boolean sameKind(LoadedClass loaded, ClassShape file) {
        return baselines.apply(loaded).map(baseline -> Kind.of(baseline).equals(Kind.of(file))).orElse(true);
    }

    /** {@return true when the batch's file of the outer no longer lists the file the class takes versions from} */
    private boolean leftBehind(LoadedClass loaded) {
        return !compiledMembers.isEmpty() && !compiledMembers.contains(fileName(loaded));
    }

    /** {@return true when the class's file holds other code now, is gone, or when no file continues the class} */
    private boolean moved(LoadedClass loaded, Set<String> batchFiles, Path directory) {
        String file = fileName(loaded);
        return file == null || batchFiles.contains(file)
                || !Files.exists(directory.resolve(simpleName(file) + ".class"));
    }

    private void take(String file, LoadedClass loaded, Set<LoadedClass> taken) {
        continued.put(file, loaded);
        taken.add(loaded);
        if (!file.equals(name(loaded))) {
            renaming.put(file, name(loaded));
        }
    }

    private void name(Set<String> files, List<String> nestMembers, Path directory) {
        List<String> newFiles = files.stream().filter(file -> !continued.containsKey(file)).toList();
        List<String> held = newFiles.stream()
                .filter(file -> running.containsKey(file) || renaming.containsValue(file)).toList();
        if (held.isEmpty()) {
            return;
        }
        List<String> spares = new ArrayList<>();
        for (String member : nestMembers) {
            boolean free = numberOf(member) > 0 && !files.contains(member) && !running.containsKey(member)
                    && !renaming.containsValue(member) && !Files.exists(directory.resolve(simpleName(member) + ".class"));
            if (free) {
                spares.add(member);
            }
        }
        // The highest spare first: the lowest ones are the numbers the next new anonymous classes' files take.
        spares.sort((a, b) -> Integer.compare(numberOf(b), numberOf(a)));
        for (String file : held) {
            if (spares.isEmpty()) {
                refusal = new Refusal(binary(file), null, "anonymous classes renumbered, and the running "
                        + binary(outer) + " has no spare nest member name left to load this new class under",
                        Refusal.RESTART);
                return;
            }
            String spare = spares.remove(0);
            newNames.put(file, spare);
            renaming.put(file, spare);
        }
    }

    private boolean sameCode(LoadedClass loaded, ClassShape file) {
        return baselines.apply(loaded).map(baseline -> BatchDiff.sameCode(baseline, baseline.nestHost() == null
                && file.nestHost() != null ? ownHostShapes.computeIfAbsent(file.internalName(),
                        name -> asOwnHost.apply(file)) : file)).orElse(false);
    }

    /** {@return the internal name of the file a running class takes its versions from, or null when none} */
    private String fileName(LoadedClass loaded) {
        Path file = loaded.captured().file();
        if (file == null) {
            return null;
        }
        String simple = file.getFileName().toString();
        int slash = outer.lastIndexOf('/');
        return outer.substring(0, slash + 1) + simple.substring(0, simple.length() - ".class".length());
    }

    private int numberOf(String member) {
        return SyntheticNames.number(outer, member);
    }

    private static String name(LoadedClass loaded) {
        return loaded.captured().internalName();
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    private static String binary(String internalName) {
        return internalName.replace('/', '.');
    }

    /**
     * What a numbered class is, which no edit of its body changes: its super class and interfaces, fixed by the
     * {@code new X() {...}} expression of an anonymous class (by the function type of a kotlinc lambda class).
     *
     * @param superName the super class's internal name, or null for {@code java/lang/Object}
     * @param interfaces the direct superinterfaces' internal names, in class-file order, never null
     */
    private record Kind(String superName, List<String> interfaces) {
        static Kind of(ClassShape shape) {
            return new Kind(shape.superName(), shape.interfaces());
        }

        // Written out: a record's own equals and hashCode link through ObjectMethods, which spins method-handle
        // classes that every later redefinition walks.
        @Override
        public boolean equals(Object other) {
            return other instanceof Kind kind && Objects.equals(superName, kind.superName)
                    && interfaces.equals(kind.interfaces);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(superName) + interfaces.hashCode();
        }
    }
}

package dev.reload.agent.reload.numbered;

import dev.reload.agent.index.LoadedClass;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.reload.JudgedClass;
import dev.reload.agent.reload.Judgement;
import dev.reload.agent.reload.ParsedFile;
import dev.reload.agent.structural.LoadTimePreparation;
import dev.reload.agent.structural.UnlistedNestmates;
import dev.reload.agent.watch.ChangedFile;
import dev.reload.patcher.diff.TypeChange;
import dev.reload.patcher.rewrite.ClassRenamer;
import dev.reload.patcher.rewrite.LoadTimeAugmenter;
import dev.reload.patcher.rewrite.Refusal;
import dev.reload.patcher.rewrite.RuntimeNames;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.NestMemberKind;
import dev.reload.patcher.shape.SyntheticNames;
import dev.reload.patcher.shape.UnreadableClassException;

import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Follows numbered classes ({@code Outer$1}: anonymous classes, switch maps; kotlinc's lambda classes, numbered per
 * function, {@code Board$first$1}) by their code across a batch. When an
 * anonymous class is inserted before another, the file {@code Outer$1.class} holds the new class and the running
 * {@code Outer$1}'s code moved to {@code Outer$2.class}. Each running numbered class keeps running its own code:
 * the batch's new bytes (the outer class, its numbered classes, the classes nested in it) are renamed so that each
 * file names the running class that continues it, the running {@code Outer$1} is judged against, and redefined
 * from, the file {@code Outer$2}, and the new class gets a spare name of the nest and is defined before the
 * redefinition. Which file continues which class is remembered in the {@link LoadedClassIndex}, per loader, for
 * the next edits. A batch without numbered classes, in a program where nothing was ever renumbered, costs nothing
 * here. Used by the reload thread only.
 */
final class NumberedClassFollower implements NumberedClasses {
    /** Names by length, shortest first. A class of its own, not a lambda: every save sorts with it. */
    private static final Comparator<String> SHORTER_FIRST = new Comparator<>() {
        @Override
        public int compare(String one, String other) {
            return Integer.compare(one.length(), other.length());
        }
    };
    /** The first number of the spare names of a function's numbered classes, far above any compiler's. */
    private static final int FUNCTION_SPARES_FROM = 10_000;
    /** How many spare names a function's numbered classes have. */
    private static final int FUNCTION_SPARES = 100;
    private final LoadedClassIndex index;
    private final Instrumentation instrumentation;
    private final UnlistedNestmates unlisted;

    /**
     * @param index the classes loaded from watched directories, where the files each class continues are kept
     * @param instrumentation finds the class objects the index does not know yet
     */
    NumberedClassFollower(LoadedClassIndex index, Instrumentation instrumentation) {
        this.index = index;
        this.instrumentation = instrumentation;
        this.unlisted = new UnlistedNestmates(index, instrumentation);
    }

    @Override
    public Judgement follow(List<JudgedClass> classes, List<ParsedFile> files,
                     Function<LoadedClass, Optional<ClassShape>> baselines,
                     BiFunction<LoadedClass, ParsedFile, JudgedClass> judge) {
        List<String> outers = outers(files);
        if (outers.isEmpty()) {
            return Judgement.of(classes); // most batches: no map of a large batch's files by name is needed
        }
        Map<String, ParsedFile> byName = new LinkedHashMap<>();
        for (ParsedFile file : files) {
            byName.put(file.shape().internalName(), file);
        }
        Map<ClassLoader, LoaderPlan> plans = new LinkedHashMap<>();
        List<Refusal> refusals = new ArrayList<>();
        for (String outer : outers) {
            Path outerFile = anyFileOf(outer, byName).file().file().resolveSibling(simpleName(outer) + ".class");
            List<LoadedClass> hosts = index.loadedFrom(outerFile, outer, instrumentation);
            // kotlinc's -Xlambdas=class numbers the lambda classes of each function: Board$first$1, of no class.
            boolean ofFunction = hosts.isEmpty() && !Files.exists(outerFile);
            for (LoadedClass host : ofFunction ? enclosing(outer, outerFile) : hosts) {
                ClassLoader loader = host.type().getClassLoader();
                LoaderPlan plan = plans.computeIfAbsent(loader, l -> new LoaderPlan(loader, byName));
                plan.follow(host, outer, outerFile.getParent(), baselines, ofFunction).ifPresent(refusals::add);
            }
        }
        if (plans.values().stream().allMatch(LoaderPlan::isEmpty) && refusals.isEmpty()) {
            return Judgement.of(classes);
        }
        return assemble(classes, plans, judge, refusals);
    }

    private Judgement assemble(List<JudgedClass> classes, Map<ClassLoader, LoaderPlan> plans,
                               BiFunction<LoadedClass, ParsedFile, JudgedClass> judge, List<Refusal> refusals) {
        List<JudgedClass> followed = new ArrayList<>();
        for (JudgedClass judged : classes) {
            LoaderPlan plan = plans.get(judged.loaded().type().getClassLoader());
            String name = judged.file().shape().internalName();
            if (plan == null || !plan.files.containsKey(name)) {
                followed.add(judged);
            } else if (!plan.continuedBy.containsKey(name) && !plan.newClasses.containsKey(name)) {
                followed.add(judge.apply(judged.loaded(), plan.files.get(name)));
            }
        }
        List<NewNumberedClass> newClasses = new ArrayList<>();
        List<Continuation> continuations = new ArrayList<>();
        Map<String, String> words = new HashMap<>();
        for (LoaderPlan plan : plans.values()) {
            plan.continuedBy.forEach((file, loaded) -> followed.add(judge.apply(loaded, plan.files.get(file))));
            // Their bytes as the last renaming left them: an enclosing outer's and then their own outer's.
            plan.newClasses.forEach((file, newClass) -> newClasses.add(new NewNumberedClass(newClass.host(), file,
                    newClass.definedAs(), plan.files.get(file).file().bytes(), newClass.file())));
            continuations.addAll(plan.continuations);
            words.putAll(plan.words);
        }
        return new Judgement(followed, newClasses, continuations, words, refusals);
    }

    /**
     * {@return the outer classes whose numbered classes the batch may touch, outermost first: those of numbered
     * files, and, once anything was renumbered, every class of the batch (its new bytes name numbered classes by
     * their files' names)}
     */
    private List<String> outers(List<ParsedFile> files) {
        Set<String> outers = new LinkedHashSet<>();
        boolean renamedBefore = index.hasRenamedFiles();
        for (ParsedFile file : files) {
            String name = file.shape().internalName();
            String outer = SyntheticNames.numberedOuter(name);
            if (outer != null) {
                outers.add(outer);
            } else if (renamedBefore) {
                outers.add(name);
            }
        }
        List<String> sorted = new ArrayList<>(outers);
        sorted.sort(SHORTER_FIRST);
        return sorted;
    }

    /** {@return the loaded classes of the nearest enclosing class of a name that is no class, {@code Board$first}} */
    private List<LoadedClass> enclosing(String outer, Path outerFile) {
        String host = outer;
        Path hostFile = outerFile;
        while (!Files.exists(hostFile) && host.lastIndexOf('$') > host.lastIndexOf('/') + 1) {
            host = host.substring(0, host.lastIndexOf('$'));
            hostFile = outerFile.resolveSibling(simpleName(host) + ".class");
        }
        return index.loadedFrom(hostFile, host, instrumentation);
    }

    private static ParsedFile anyFileOf(String outer, Map<String, ParsedFile> byName) {
        ParsedFile own = byName.get(outer);
        if (own != null) {
            return own;
        }
        return byName.values().stream().filter(file -> outer.equals(SyntheticNames.numberedOuter(file.shape().internalName())))
                .findFirst().orElseThrow();
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    private static String binary(String internalName) {
        return internalName.replace('/', '.');
    }

    /** What following the numbered classes decided in one class loader. */
    private final class LoaderPlan {
        private final ClassLoader loader;
        private final Map<String, ParsedFile> batch;
        /** The batch's files as renamed for this loader, by the internal name the file has. */
        private final Map<String, ParsedFile> files = new LinkedHashMap<>();
        private final Map<String, LoadedClass> continuedBy = new LinkedHashMap<>();
        private final Map<String, NewNumberedClass> newClasses = new LinkedHashMap<>();
        private final List<Continuation> continuations = new ArrayList<>();
        private final Map<String, String> words = new HashMap<>();

        LoaderPlan(ClassLoader loader, Map<String, ParsedFile> batch) {
            this.loader = loader;
            this.batch = batch;
        }

        boolean isEmpty() {
            return files.isEmpty();
        }

        /**
         * Follows the outer's numbered classes; {@return why they cannot be followed, if so}
         *
         * @param ofFunction true when the outer is a function of the host, not a class
         */
        Optional<Refusal> follow(LoadedClass host, String outer, Path directory,
                                Function<LoadedClass, Optional<ClassShape>> baselines, boolean ofFunction) {
            List<String> members = ofFunction ? functionMembers(outer) : nestMembers(host);
            Map<String, LoadedClass> running = new LinkedHashMap<>();
            for (String member : members) {
                LoadedClass loaded = outer.equals(SyntheticNames.numberedOuter(member)) ? index.loaded(loader, member, instrumentation) : null;
                if (loaded != null) {
                    running.put(member, loaded);
                }
            }
            Map<String, ClassShape> numbered = new LinkedHashMap<>();
            batch.forEach((name, file) -> {
                if (outer.equals(SyntheticNames.numberedOuter(name))) {
                    numbered.put(name, file.shape());
                }
            });
            if (running.isEmpty()) {
                return Optional.empty();
            }
            Optional<NumberedNest> decided = NumberedNest.decide(outer, running, numbered, members, directory, baselines,
                    this::asOwnHost, compiledMembers(outer));
            if (decided.isEmpty()) {
                return Optional.empty();
            }
            NumberedNest nest = decided.get();
            if (nest.refusal() != null) {
                return Optional.of(nest.refusal());
            }
            // A function's numbered classes are named in its class's file, and in those nested in it.
            rename(ofFunction ? host.captured().internalName() : outer, nest.renaming());
            record(host, nest, numbered.keySet());
            return Optional.empty();
        }

        /**
         * {@return the nest members the batch's file of the outer lists, when the outer is a nest host the batch
         * has; empty when the batch tells none}
         */
        private Set<String> compiledMembers(String outer) {
            ParsedFile outerFile = batch.get(outer);
            if (outerFile == null || outerFile.shape().nestHost() != null) {
                return Set.of();
            }
            return new HashSet<>(outerFile.shape().nestMembers());
        }

        /**
         * {@return the numbered classes of a function that is no class, as kotlinc's lambda classes are: those
         * loaded, then spare names for new ones}: they are no nestmates (kotlinc writes no nest attributes, and
         * reaches private members through accessors), so any free name loads them; the highest numbers, which no
         * compiler reaches, are the spares
         */
        private List<String> functionMembers(String outer) {
            List<String> members = new ArrayList<>(index.namesIn(loader,
                    name -> outer.equals(SyntheticNames.numberedOuter(name))));
            for (int spare = FUNCTION_SPARES_FROM; spare < FUNCTION_SPARES_FROM + FUNCTION_SPARES; spare++) {
                members.add(outer + "$" + spare);
            }
            return members;
        }

        /**
         * {@return the nest members of the host's nest as it runs, and, when its nest host loaded without the load-time
         * edit, the spare names the edit would have listed}: new numbered classes load under those all the same, as
         * their own nest hosts ({@code UnlistedNestmates}), and the running ones that did are found under them
         */
        private List<String> nestMembers(LoadedClass host) {
            try {
                ClassShape shape = host.captured().shape();
                LoadedClass nestHost = shape.nestHost() == null ? host
                        : index.loaded(loader, shape.nestHost(), instrumentation);
                if (nestHost == null) {
                    return List.of();
                }
                ClassShape hostShape = nestHost.captured().shape();
                if (!withoutSpares(nestHost, hostShape)) {
                    return hostShape.nestMembers();
                }
                List<String> members = new ArrayList<>(hostShape.nestMembers());
                members.addAll(LoadTimeAugmenter.spareNestMembers(hostShape.internalName(), hostShape.nestMembers()));
                return members;
            } catch (UnreadableClassException e) {
                return List.of(); // its own verdict says the class cannot be read
            }
        }

        /** {@return true when the nest host loaded without the load-time edit, so that it lists no spare names} */
        private boolean withoutSpares(LoadedClass nestHost, ClassShape shape) {
            return LoadTimePreparation.needsNoAccessor(nestHost.type())
                    && shape.method(RuntimeNames.ACCESSOR_NAME, RuntimeNames.ACCESSOR_DESCRIPTOR).isEmpty();
        }

        /**
         * {@return the shape of a numbered class's file made its own nest host, as one that loaded unlisted by its
         * nest host runs; the file's own shape when it cannot be made so}
         */
        private ClassShape asOwnHost(ClassShape file) {
            ParsedFile parsed = batch.get(file.internalName());
            if (parsed == null || file.nestHost() == null) {
                return file;
            }
            try {
                return ClassShape.read(unlisted.asOwnHost(loader, file.nestHost(), parsed.file().bytes()));
            } catch (UnreadableClassException | RuntimeException e) {
                return file; // compared as compiled: it then continues no class that loaded unlisted
            }
        }

        /** Renames the batch's files of the outer's nest, on top of what an enclosing outer's renaming did. */
        private void rename(String outer, Map<String, String> renaming) {
            batch.forEach((name, original) -> {
                if (name.equals(outer) || name.startsWith(outer + "$")) {
                    ParsedFile current = files.getOrDefault(name, original);
                    files.put(name, renamed(current, renaming));
                }
            });
        }

        private void record(LoadedClass host, NumberedNest nest, Set<String> numberedFiles) {
            nest.continued().forEach((file, loaded) -> {
                continuedBy.put(file, loaded);
                continuations.add(new Continuation(loader, loaded.captured().internalName(), pathOf(file)));
                if (!file.equals(loaded.captured().internalName())) {
                    words.put(loaded.captured().internalName(), "continues as the file " + binary(file));
                }
            });
            nest.orphans().forEach(loaded ->
                    continuations.add(new Continuation(loader, loaded.captured().internalName(), null)));
            for (String file : numberedFiles) {
                if (nest.continuing(file) != null) {
                    continue;
                }
                String definedAs = nest.newName(file);
                newClasses.put(file, new NewNumberedClass(host.type(), file, definedAs,
                        files.get(file).file().bytes(), pathOf(file)));
                continuations.add(new Continuation(loader, definedAs, pathOf(file)));
                if (!definedAs.equals(file)) {
                    words.put(definedAs, addedWords(file, definedAs) + " (" + nest.whyRenamed(file) + ")");
                }
            }
        }

        private String addedWords(String file, String definedAs) {
            ParsedFile outerFile = files.get(SyntheticNames.numberedOuter(file));
            NestMemberKind kind = outerFile == null ? NestMemberKind.ANONYMOUS
                    : outerFile.shape().nestMemberKind(definedAs).orElse(NestMemberKind.ANONYMOUS);
            return new TypeChange.NestMemberChanged(file, kind, true).describe();
        }

        private Path pathOf(String internalName) {
            return batch.get(internalName).file().file();
        }

        private ParsedFile renamed(ParsedFile file, Map<String, String> renaming) {
            byte[] bytes = ClassRenamer.rename(file.file().bytes(), renaming);
            ChangedFile changed = file.file();
            try {
                return new ParsedFile(new ChangedFile(changed.root(), changed.file(), bytes, changed.hash()),
                        ClassShape.read(bytes));
            } catch (UnreadableClassException e) {
                throw new IllegalStateException("renaming " + changed.relativePath() + " made it unreadable", e);
            }
        }
    }
}

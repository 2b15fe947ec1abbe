package dev.reload.agent.bench.reference;

import java.io.IOException;
import java.net.URISyntaxException;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * The floor the agent is measured against: a minimal agent that, on every native file event for a class
 * file below one directory, reads the file and redefines the loaded class of that name with it at once. No
 * quiet period, no batching, no content hash, no judging, no report. A file caught half written makes
 * {@code redefineClasses} throw, which is ignored: the write's next event brings the whole file.
 *
 * <p>A file named {@code *}{@value #BATCH_SUFFIX} (written whole, then renamed into the directory) asks for one bare
 * {@code redefineClasses} of many classes: each of its lines is a binary name, a tab and the class file to redefine
 * that class with; every file is read before the one call, and {@code [reference] bare call of N classes took T ns}
 * goes to standard error after it. That is the floor of a large reload in any program, one that runs another agent
 * too included.
 *
 * <p>Its agent argument is the directory to watch. Without one it only keeps the {@link Instrumentation},
 * for {@link BareRedefine}; with {@value #OBSERVE} it also registers a transformer that looks at nothing,
 * the least any agent that tracks loaded classes costs the JVM at start-up. With {@value #RECORD} and a directory
 * it watches that directory as above and also records, as each class loads from it, its name and the CRC-32C of its
 * class file: the least an agent that judges a new class file against the one running must keep of every class,
 * done the simplest way. With {@value #BATCH}, the binary name of a class, a colon and a directory, it watches that
 * directory and only keeps the bytes of each class file an event names, by class name, read at the event; at the
 * event of the named class's file (a burst's last, an oracle no real agent has) it redefines every class kept in one
 * {@code redefineClasses} call, prints {@code [reference] redefined N classes in one call, ...} to standard error, and
 * forgets them. On an {@code OVERFLOW} it looks at the named class's file, then lists the directory and reads every
 * class file whose size or modification time changed since it was last listed (at start or at the last overflow),
 * lists it again if the named class's file changed during the listing, and makes the call if that file had changed.
 * Its one check: the named class's file is looked at (one {@code stat}) at each of its events, and an event for the
 * very file a listing redefined is dropped. That is the
 * least an agent that reloads a burst of files as one batch must do, with no
 * quiet period, no checks and no batching rules. Packed into a jar at run time
 * by {@link ReferenceAgentJar}; uses no other class of the project and defines no nested class, so that
 * jar holds this one class file.
 */
public final class ReferenceAgent implements ClassFileTransformer, Runnable {
    /** The agent argument that registers the transformer that does nothing. */
    public static final String OBSERVE = "observe";
    /** How the name of a file that lists a batch of classes to redefine in one call ends. */
    public static final String BATCH_SUFFIX = ".batch";
    /** The agent argument's prefix, before a directory, that records each class loaded from it and watches it. */
    public static final String RECORD = "record:";
    /** The agent argument's prefix, before a burst's last class, a colon and a directory, that batches each burst. */
    public static final String BATCH = "batch:";

    private static volatile Instrumentation instrumentation;
    /** The transformer that records each class's CRC-32C, with {@value #RECORD}; else null. */
    private static volatile ReferenceAgent recorder;
    /** With {@value #BATCH}: the binary name of the class whose file ends each burst; else null. */
    private static volatile String lastOfBurst;
    /** With {@value #BATCH}: each class file read since the last call, by binary name; the watching thread's only. */
    private static final Map<String, byte[]> kept = new HashMap<>();
    /** With {@value #BATCH}: each class file's size and modification time (ns) when its directory was last listed. */
    private static final Map<Path, long[]> listed = new HashMap<>();

    /** The watched directory whose classes are recorded; null when none is. */
    private final Path recordedDirectory;
    /** The class file's CRC-32C of each class loaded from the watched directory, by internal name. */
    private final Map<String, Long> recorded = new ConcurrentHashMap<>();
    /** The protection domain last found to hold the watched directory's classes: the loader gives them all one. */
    private volatile ProtectionDomain recordedDomain;
    /** The protection domain last found to hold other classes. */
    private volatile ProtectionDomain otherDomain;

    /** The directory the watching thread watches; null for a transformer. */
    private final Path watchedRoot;
    /** The watch service of the watching thread; null for a transformer. */
    private final WatchService service;
    /** The directories registered with {@code service}, by key; the watching thread's only once it runs. */
    private final Map<WatchKey, Path> directories;

    private ReferenceAgent(Path recordedDirectory) {
        this.recordedDirectory = recordedDirectory;
        this.watchedRoot = null;
        this.service = null;
        this.directories = Map.of();
    }

    private ReferenceAgent(Path watchedRoot, WatchService service, Map<WatchKey, Path> directories) {
        this.recordedDirectory = null;
        this.watchedRoot = watchedRoot;
        this.service = service;
        this.directories = directories;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classfileBuffer) {
        if (recordedDirectory != null && classBeingRedefined == null && className != null && fromDirectory(domain)) {
            recorded.put(className, crc32c(classfileBuffer));
        }
        return null;
    }

    /** {@return false when the recorded class runs a class file with this CRC-32C already; else records it} */
    private boolean changes(String binaryName, byte[] classFile) {
        long crc = crc32c(classFile);
        Long before = recorded.put(binaryName.replace('.', '/'), crc);
        return before == null || before != crc;
    }

    private static long crc32c(byte[] classFile) {
        CRC32C crc = new CRC32C();
        crc.update(classFile);
        return crc.getValue();
    }

    private boolean fromDirectory(ProtectionDomain domain) {
        if (domain == null || domain == otherDomain) {
            return false;
        }
        if (domain == recordedDomain) {
            return true;
        }
        try {
            if (domain.getCodeSource() != null && domain.getCodeSource().getLocation() != null
                    && recordedDirectory.equals(Path.of(domain.getCodeSource().getLocation().toURI()))) {
                recordedDomain = domain;
                return true;
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a directory of this file system: not the watched one
        }
        otherDomain = domain;
        return false;
    }

    /** Called by the JVM before {@code main}; starts the watching thread when a directory is given. */
    public static void premain(String argument, Instrumentation given) throws IOException {
        instrumentation = given;
        if (OBSERVE.equals(argument)) {
            given.addTransformer(new ReferenceAgent(null), true);
            return;
        }
        String watched = watchedDirectory(argument);
        if (watched == null || watched.isEmpty()) {
            return;
        }
        Path root = Path.of(watched).toAbsolutePath().normalize();
        if (argument.startsWith(RECORD)) {
            recorder = new ReferenceAgent(root);
            given.addTransformer(recorder, false);
        }
        WatchService service = FileSystems.getDefault().newWatchService();
        Map<WatchKey, Path> directories = new HashMap<>();
        if (lastOfBurst != null) {
            // A burst's floor needs every stamp before the first burst: the program is given its directory then.
            register(service, directories, root);
        }
        // Not a lambda: the first one in a JVM loads the java.lang.invoke machinery, tens of milliseconds of the start.
        Thread watching = new Thread(new ReferenceAgent(root, service, directories), "reference-agent-watch");
        watching.setDaemon(true);
        watching.start();
    }

    /** The watching thread: registers the directory's tree unless a burst's floor did, then watches it. */
    @Override
    public void run() {
        try {
            if (directories.isEmpty()) {
                register(service, directories, watchedRoot);
            }
        } catch (IOException e) {
            return; // a directory that cannot be watched gets no reloads, as with no agent
        }
        watch(service, directories, watchedRoot);
    }

    /**
     * Registers {@code directory} and every directory below it. A class file is known by its name, with no look at the
     * file system: the watched trees hold thousands of them, and a look at each would be most of this agent's start.
     */
    private static void register(WatchService service, Map<WatchKey, Path> directories, Path directory)
            throws IOException {
        directories.put(directory.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY), directory);
        if (lastOfBurst != null) {
            changedClassFiles(directory); // the stamps an overflow's listing compares with
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path each : entries) {
                if (!each.getFileName().toString().endsWith(".class")
                        && Files.isDirectory(each, LinkOption.NOFOLLOW_LINKS)) {
                    register(service, directories, each);
                }
            }
        }
    }

    /**
     * Called when the agent is loaded into a program that runs already: as {@link #premain}, so that a floor can be
     * measured in the program another agent has run in for a while, without that agent knowing of this one from its
     * start.
     */
    public static void agentmain(String argument, Instrumentation given) throws IOException {
        premain(argument, given);
    }

    /** {@return the directory named by the agent argument, null for none}; takes a {@value #BATCH} burst's last class */
    private static String watchedDirectory(String argument) {
        if (argument == null || !argument.startsWith(RECORD) && !argument.startsWith(BATCH)) {
            return argument;
        }
        if (argument.startsWith(RECORD)) {
            return argument.substring(RECORD.length());
        }
        int colon = argument.indexOf(':', BATCH.length());
        if (colon < 0) {
            throw new IllegalArgumentException("expected " + BATCH + "CLASS:DIRECTORY, not " + argument);
        }
        lastOfBurst = argument.substring(BATCH.length(), colon);
        return argument.substring(colon + 1);
    }

    /** {@return the instrumentation the JVM gave this agent, or null before {@code premain}} */
    public static Instrumentation instrumentation() {
        return instrumentation;
    }

    private static void watch(WatchService service, Map<WatchKey, Path> directories, Path root) {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        while (true) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException e) {
                return; // only the JVM's end interrupts this daemon
            }
            Path directory = directories.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    // The modes that redefine file by file do no more than try: what the lost events named stays.
                    if (lastOfBurst != null) {
                        keepChanged(loader, directory, root);
                    }
                    continue;
                }
                Path file = directory.resolve((Path) event.context());
                String relative = root.relativize(file).toString();
                if (relative.endsWith(".class") && lastOfBurst != null) {
                    keep(loader, binaryName(root, file), file);
                } else if (relative.endsWith(".class")) {
                    redefine(loader, binaryName(root, file), file);
                } else if (relative.endsWith(BATCH_SUFFIX)) {
                    redefineAll(loader, file);
                }
            }
            key.reset();
        }
    }

    private static String binaryName(Path root, Path classFile) {
        String relative = root.relativize(classFile).toString();
        return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
    }

    /** Keeps the class file's bytes; at the burst's last class, redefines every class kept in one call. */
    private static void keep(ClassLoader loader, String binaryName, Path file) {
        try {
            kept.put(binaryName, Files.readAllBytes(file));
        } catch (IOException e) {
            return; // gone again: whatever replaced it brings its own event
        }
        if (!binaryName.equals(lastOfBurst)) {
            return;
        }
        // Its stamp is kept up to date, so that a listing after lost events can tell whether it was renamed since.
        if (changedSinceListed(file)) {
            redefineKept(loader, "at its event");
        } else {
            kept.clear(); // an event queued before a listing that redefined this very file: its burst runs already
        }
    }

    /**
     * After lost events: keeps every class file of the directory changed since it was last listed, and redefines them
     * all if the burst's last class is among them. That one is looked at first: it is renamed last, so once it has
     * changed every file of its burst has, and the listing after it finds them all. When it changes while the
     * directory is listed, a file listed before it may have been renamed after its look, so the directory is listed
     * again: without that, the burst was lost, its last file recorded as listed and its own event dropped as already
     * redefined.
     */
    private static void keepChanged(ClassLoader loader, Path directory, Path root) {
        Path lastFile = root.resolve(lastOfBurst.replace('.', '/') + ".class");
        List<Path> changed = new ArrayList<>();
        if (directory.equals(lastFile.getParent()) && changedSinceListed(lastFile)) {
            changed.add(lastFile);
        }
        try {
            List<Path> listedNow = changedClassFiles(directory);
            if (changed.isEmpty() && listedNow.remove(lastFile)) {
                changed.add(lastFile);
                listedNow.addAll(changedClassFiles(directory));
            }
            changed.addAll(listedNow);
        } catch (IOException e) {
            System.err.println("[reference] cannot list " + directory + ": " + e);
        }
        for (Path file : changed) {
            try {
                kept.put(binaryName(root, file), Files.readAllBytes(file));
            } catch (IOException e) {
                // gone since the listing: whatever replaced it brings its own event
            }
        }
        if (!changed.isEmpty() && changed.get(0).equals(lastFile)) {
            redefineKept(loader, "after lost events");
        }
    }

    /** {@return the class files of the directory whose size or modification time changed since it was last listed} */
    private static List<Path> changedClassFiles(Path directory) throws IOException {
        List<Path> changed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.class")) {
            for (Path file : files) {
                if (changedSinceListed(file)) {
                    changed.add(file);
                }
            }
        }
        return changed;
    }

    /** {@return whether the file's size or modification time differs from when it was last listed}; records them */
    private static boolean changedSinceListed(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long[] stamp = {attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)};
            return !Arrays.equals(stamp, listed.put(file, stamp));
        } catch (IOException e) {
            listed.remove(file);
            return false; // gone since the listing began: whatever replaced it brings its own event
        }
    }

    /** @param when when the burst's last class was seen, for the line printed after the call, never null */
    private static void redefineKept(ClassLoader loader, String when) {
        ClassDefinition[] definitions = new ClassDefinition[kept.size()];
        try {
            int i = 0;
            for (Map.Entry<String, byte[]> each : kept.entrySet()) {
                definitions[i++] = new ClassDefinition(Class.forName(each.getKey(), false, loader), each.getValue());
            }
            instrumentation.redefineClasses(definitions);
            System.err.println("[reference] redefined " + definitions.length + " class"
                    + (definitions.length == 1 ? "" : "es") + " in one call, " + lastOfBurst + " seen " + when
);
        } catch (Exception | LinkageError e) {
            System.err.println("[reference] " + definitions.length + " classes not redefined: " + e);
        } finally {
            kept.clear();
        }
    }

    private static void redefine(ClassLoader loader, String binaryName, Path file) {
        try {
            Class<?> type = Class.forName(binaryName, false, loader);
            byte[] classFile = Files.readAllBytes(file);
            ReferenceAgent recording = recorder;
            if (recording == null || recording.changes(binaryName, classFile)) {
                instrumentation.redefineClasses(new ClassDefinition(type, classFile));
            }
        } catch (Exception | LinkageError e) {
            // A half-written file, or a class not loaded: the floor does no more than try.
        }
    }

    private static void redefineAll(ClassLoader loader, Path batch) {
        try {
            List<String> lines = Files.readAllLines(batch);
            ClassDefinition[] definitions = new ClassDefinition[lines.size()];
            for (int i = 0; i < definitions.length; i++) {
                String[] nameAndFile = lines.get(i).split("\t", 2);
                definitions[i] = new ClassDefinition(Class.forName(nameAndFile[0], false, loader),
                        Files.readAllBytes(Path.of(nameAndFile[1])));
            }
            long start = System.nanoTime();
            instrumentation.redefineClasses(definitions);
            long took = System.nanoTime() - start;
            System.err.println("[reference] bare call of " + definitions.length + " classes took " + took + " ns");
        } catch (Exception | LinkageError e) {
            // The floor does no more than try: whoever wrote the batch sees that its classes did not change.
        }
    }
}

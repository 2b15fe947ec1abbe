package dev.reload.agent.index;

import dev.reload.agent.watch.ClassFiles;
import dev.reload.agent.watch.TreeWatcher;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Decides whether a class comes from a watched directory, and from which. A class's code source (the
 * directory a {@code URLClassLoader} or the application class loader found it in) is looked at once per
 * protection domain; a class defined without one counts when its class file lies under a watched
 * directory. In the default mode (no {@code watch=}), a directory a class loader loads from that is not
 * watched yet becomes watched. Thread-safe; called inside class file transformers, so it does no I/O for
 * a protection domain it has seen before and never loads classes of the program.
 */
public final class ClassOrigins {
    private final TreeWatcher watcher;
    private final boolean adoptNewDirectories;
    private final List<Path> watched;
    private final Map<ProtectionDomain, Optional<Path>> byDomain = Collections.synchronizedMap(new WeakHashMap<>());
    /**
     * The protection domain looked up last and what it gave. The classes of one directory share a domain, so a
     * starting program's thousands of lookups end here, without the map's lock and its walk of cleared keys.
     */
    private volatile LastDomain last;

    /** A domain held weakly, as the map's keys are: it holds its class loader. */
    private record LastDomain(WeakReference<ProtectionDomain> domain, Optional<Path> directory) {
    }

    /**
     * @param watcher the watcher new directories are handed to, never null
     * @param watched the directories watched from the start, absolute and normalised, never null
     * @param adoptNewDirectories true to watch directories that class loaders load from later
     */
    public ClassOrigins(TreeWatcher watcher, List<Path> watched, boolean adoptNewDirectories) {
        this.watcher = watcher;
        this.watched = new CopyOnWriteArrayList<>(watched);
        this.adoptNewDirectories = adoptNewDirectories;
    }

    /**
     * {@return the class file a class was loaded from when it lies in a watched directory, else null}
     *
     * @param internalName the class's internal name, never null
     * @param domain the protection domain it is defined with, may be null
     */
    public Path classFileOf(String internalName, ProtectionDomain domain) {
        Path directory = directoryOf(internalName, domain);
        return directory == null ? null : ClassFiles.fileOf(directory, internalName);
    }

    /**
     * {@return the directory whose {@link ClassFiles#fileOf} the class was loaded from when it lies in a watched
     * directory, else null} Makes no path of the class file: a loading thread leaves that to whoever first needs it.
     *
     * @param internalName the class's internal name, never null
     * @param domain the protection domain it is defined with, may be null
     */
    public Path directoryOf(String internalName, ProtectionDomain domain) {
        Optional<Path> directory = domain == null ? Optional.empty() : directoryOfDomain(domain);
        if (directory.isPresent()) {
            return directory.get();
        }
        if (domain == null || domain.getCodeSource() == null || domain.getCodeSource().getLocation() == null) {
            return findUnderWatched(internalName);
        }
        return null;
    }

    /** {@return the watched directory a domain's code source is, or empty; looked at once per domain} */
    private Optional<Path> directoryOfDomain(ProtectionDomain domain) {
        LastDomain seen = last;
        if (seen != null && seen.domain().get() == domain) {
            return seen.directory();
        }
        Optional<Path> directory = byDomain.get(domain);
        if (directory == null) {
            directory = codeSourceDirectory(domain.getCodeSource());
            byDomain.put(domain, directory);
        }
        last = new LastDomain(new WeakReference<>(domain), directory);
        return directory;
    }

    private Optional<Path> codeSourceDirectory(CodeSource source) {
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return Optional.empty();
        }
        Path directory;
        try {
            directory = Path.of(location.toURI()).toAbsolutePath().normalize();
        } catch (Exception e) {
            return Optional.empty(); // not a path on this file system (URISyntaxException, IllegalArgumentException)
        }
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        for (Path root : watched) {
            if (directory.startsWith(root)) {
                return Optional.of(directory);
            }
        }
        if (adoptNewDirectories) {
            watched.add(directory);
            watcher.watch(directory);
            return Optional.of(directory);
        }
        return Optional.empty();
    }

    private Path findUnderWatched(String internalName) {
        for (Path root : watched) {
            if (Files.isRegularFile(ClassFiles.fileOf(root, internalName))) {
                return root;
            }
        }
        return null;
    }
}

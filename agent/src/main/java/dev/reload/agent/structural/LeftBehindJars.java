package dev.reload.agent.structural;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The runtime jars of programs that no longer run. A jar is deleted when its JVM exits, but not when the JVM is killed
 * (an IDE's forced stop, a test harness's {@code destroyForcibly}): then it stays in the temporary directory, one for
 * every run that made a structural edit. Where the OS lists its live processes by id ({@code /proc}, as on Linux), a
 * jar is named for its process, and a later run deletes the jars of processes the OS no longer lists. Elsewhere
 * nothing is named for a process and nothing is deleted. A live JVM the OS here does not list (in another container
 * that shares the directory) may lose its jar's name, not the jar: the JVM opened it when it was appended to the boot
 * class path and reads it through that, which Linux keeps readable once deleted. Not {@code ProcessHandle}: its first use draws about a hundred
 * classes into the program, which every later redefinition walks.
 */
final class LeftBehindJars {
    static final String PREFIX = "reload-runtime-";
    private static final String SUFFIX = ".jar";

    private final Path processes;

    /** @param processes the directory that lists each live process by id ({@code /proc}), never null */
    LeftBehindJars(Path processes) {
        this.processes = processes;
    }

    /** {@return this process's id as the OS lists it, or null where the OS lists no processes} */
    String ownId() {
        try {
            String id = processes.resolve("self").toRealPath().getFileName().toString();
            return isNumber(id) ? id : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Starts {@link #deleteIn} on a daemon thread of its own: the first structural edit installs the runtime jar on the
     * reload thread, and listing a temporary directory of thousands of files took that thread 13 to 60 ms.
     */
    void deleteInBackground(Path directory, String ownId) {
        Thread sweeping = new Thread(new Runnable() {
            // Not a lambda: it would spin a class that every later redefinition walks.
            @Override
            public void run() {
                try {
                    deleteIn(directory, ownId);
                } catch (RuntimeException e) {
                    // a directory the agent may not list (a security manager): the jars stay, as they did before
                }
            }
        }, "reload-runtime-sweep");
        sweeping.setDaemon(true);
        sweeping.start();
    }

    /**
     * Deletes each runtime jar in {@code directory} named for a process other than {@code ownId} that the OS no longer
     * lists. A jar it may not delete (another user's) or that is gone already is left alone; nothing is thrown.
     *
     * @return how many jars were deleted
     */
    int deleteIn(Path directory, String ownId) {
        int deleted = 0;
        // Every file, not a glob: a jar's name is told by processId, and a glob would compile a pattern to say less.
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path jar : files) {
                String id = processId(jar.getFileName().toString());
                if (id != null && !id.equals(ownId) && !Files.isDirectory(processes.resolve(id)) && delete(jar)) {
                    deleted++;
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // an unreadable temporary directory: the jars stay, as they did before
        }
        return deleted;
    }

    private static boolean delete(Path jar) {
        try {
            return Files.deleteIfExists(jar);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@return the process id a runtime jar's name carries ({@code reload-runtime-ID-N.jar}), or null for none} */
    static String processId(String fileName) {
        if (!fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX)) {
            return null;
        }
        String stamp = fileName.substring(PREFIX.length(), fileName.length() - SUFFIX.length());
        int dash = stamp.lastIndexOf('-');
        if (dash < 0) {
            return null;
        }
        String id = stamp.substring(0, dash);
        return isNumber(id) && isNumber(stamp.substring(dash + 1)) ? id : null;
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

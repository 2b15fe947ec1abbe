package dev.reload.agent.bench;

import dev.reload.fixtures.harness.ChildJvm;
import dev.reload.fixtures.harness.FixtureCompiler;
import dev.reload.fixtures.harness.Fixtures;
import dev.reload.fixtures.harness.KotlinCompiler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Retained heap per tracked class: the generated program loads all its classes, then collects garbage
 * every second until the heap left stops changing (the agent's background work is done) and prints it. The difference with and without
 * reload-agent, divided by the number of classes, is what the agent keeps per class, its fixed cost (a
 * watcher, its own objects) included. The generated classes are small (about 1.5 KB of class file, a few members
 * each), so the same is measured on real libraries, whose every class is loaded from a directory
 * ({@code LoadEvery}); there the agent's own cost is measured apart, in the same program with the agent told not to
 * watch the library's directory, and what is left is the cost of tracking the classes.
 */
final class MemoryBench {
    private MemoryBench() {
    }

    /** The program that loads every class of a library, a fixture. */
    private static final String LOAD_EVERY = "fixture.library.LoadEvery";

    static Section run(Workspace workspace, int runs) throws Exception {
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            without.add(heapUsed(workspace, false));
            with.add(heapUsed(workspace, true));
        }
        double agent = Stats.of(with).median();
        double none = Stats.of(without).median();
        int classes = workspace.classCount();
        double perClass = (agent - none) / classes;
        String title = String.format("Memory: heap in use after GC with %,d classes loaded (median of %d runs)",
                classes, runs);
        Table table = new Table(title, "run", "heap used (KiB)", "per class (bytes)");
        table.row("without an agent", kib(none), "");
        table.row("with reload-agent", kib(agent), String.format("%+.0f", perClass));
        List<BudgetCheck> budgets = new ArrayList<>(List.of(new BudgetCheck("memory per tracked class",
                "<= 1 KiB on average", String.format("%.0f bytes", perClass), perClass <= 1024)));
        Table libraries = librariesTable(workspace, runs, budgets);
        return new Section(List.of(table, libraries), budgets);
    }

    /**
     * {@return the table of real libraries' classes}, adding to {@code budgets} the cost per tracked class of each
     * library, above the agent's own
     */
    private static Table librariesTable(Workspace workspace, int runs, List<BudgetCheck> budgets) throws Exception {
        Path main = workspace.root().resolve("library-main");
        FixtureCompiler.compile(Fixtures.sources("library", "v1"), main);
        Table table = new Table(String.format("Memory: heap in use after GC with every class of a library loaded"
                + " (median of %d runs)", runs), "library", "classes loaded", "class file, average (bytes)",
                "without an agent (KiB)", "with reload-agent (KiB)", "per class (bytes)",
                "with reload-agent, not tracking them (KiB)", "per tracked class, above the agent's own (bytes)");
        for (Library library : List.of(new Library("kotlin-stdlib", KotlinCompiler.standardLibrary()),
                new Library("ECJ", jarOf(org.eclipse.jdt.internal.compiler.batch.Main.class)))) {
            Path classes = workspace.root().resolve("library-" + library.name());
            long bytes = unpack(library.jar(), classes);
            List<Long> without = new ArrayList<>();
            List<Long> with = new ArrayList<>();
            List<Long> untracked = new ArrayList<>();
            int loaded = 0;
            for (int r = 0; r < runs; r++) {
                Loaded none = load(main, classes, null);
                loaded = none.classes();
                without.add(none.heapUsed());
                with.add(load(main, classes, "").heapUsed());
                untracked.add(load(main, classes, "watch=" + main).heapUsed());
            }
            double none = Stats.of(without).median();
            double agent = Stats.of(with).median();
            double own = Stats.of(untracked).median();
            double perClass = (agent - none) / loaded;
            double perTracked = (agent - own) / loaded;
            table.row(library.name(), String.format("%,d", loaded), String.format("%,d", bytes / loaded), kib(none),
                    kib(agent), String.format("%+.0f", perClass), kib(own), String.format("%+.0f", perTracked));
            budgets.add(new BudgetCheck("memory per tracked class, " + library.name() + "'s classes",
                    "<= 1 KiB on average", String.format("%.0f bytes above the agent's own (%.0f with it, over %,d"
                    + " classes of %,d bytes of class file on average)", perTracked, perClass, loaded,
                    bytes / loaded), perTracked <= 1024));
        }
        return table.note("Every class file of the library's jar (not META-INF) written to a directory, and each"
                + " class loaded from it by name (Class.forName, not initialised), a few that need another library"
                + " left out. \"with reload-agent, not tracking them\": the same program with the agent told to"
                + " watch only the directory of the program's own class (watch=): the agent runs and tracks none of"
                + " the library's classes; the last column is the rest, what tracking the classes costs, divided by"
                + " their number.");
    }

    private record Library(String name, Path jar) {
    }

    private record Loaded(int classes, long heapUsed) {
    }

    /**
     * {@return what the program that loads every class under {@code classes} showed}
     *
     * @param agentOptions reload-agent's options, or null for no agent
     */
    private static Loaded load(Path main, Path classes, String agentOptions) throws Exception {
        ChildJvm.Builder builder = ChildOptions.child().classPath(main, classes).main(LOAD_EVERY, classes.toString());
        if (agentOptions != null) {
            builder.reloadAgent(agentOptions);
        }
        try (ChildJvm child = builder.start()) {
            String count = child.awaitStdout("^loaded \\d+ of ");
            String heap = child.awaitStdout("^heap used ");
            return new Loaded(Integer.parseInt(count.split(" ")[1]),
                    Long.parseLong(heap.substring(heap.lastIndexOf(' ') + 1)));
        }
    }

    /** {@return the bytes of every class file of {@code jar} written under {@code directory}, META-INF left out} */
    private static long unpack(Path jar, Path directory) throws IOException {
        long bytes = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (entry.isDirectory() || !entry.getName().endsWith(".class")
                        || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                Path file = directory.resolve(entry.getName());
                Files.createDirectories(file.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes += Files.copy(in, file);
                }
            }
        }
        return bytes;
    }

    private static Path jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String kib(double bytes) {
        return String.format("%,.0f", bytes / 1024);
    }

    private static long heapUsed(Workspace workspace, boolean agent) throws Exception {
        try (ChildJvm child = workspace.program(workspace.generated(1), "memory", agent).start()) {
            String line = child.awaitStdout("^heap used ");
            return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        }
    }
}

package dev.reload.agent.it;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long run of structural saves of one class through the real agent ({@link SoakVersions}: methods, a lambda, an
 * anonymous class and fields added, removed and added again), each version seen running, metaspace sampled after
 * collecting garbage, side by side with its floor: a second child JVM that redefines the same class, version after
 * version, by bare {@code redefineClasses} of what the compiler wrote ({@link SoakVersions#bareSources}: the same
 * bodies and constants, every member declared in each, as the stock JVM requires). HotSpot keeps the running
 * class's constant pool as the union of every version's (the new entries are appended to it at each redefinition)
 * and keeps the metaspace of replaced methods and pools in the class loader's arena for reuse, which a growing pool
 * cannot use, so neither run plateaus while each version brings a new constant: the test holds the agent to the
 * floor, its pool to the same growth, its metaspace to the floor's growth plus the JIT's warm-up of its own code, and
 * its companions and lambda classes to a few. Too long for every build: {@code mvn verify -Psoak -pl agent -am} runs
 * it ({@code -Dsoak.edits=N} for another length, {@code -Dsoak.newConstants=false} for versions without a new
 * constant, {@code -Dsoak.jvmOptions=...} for more child JVM options, {@code -Dreload.test.jdks=HOME} for one JDK);
 * it prints the figures that docs/BENCHMARKS.md quotes.
 */
class StructuralSoakIT {
    private static final int EDITS = Integer.getInteger("soak.edits", 300);
    private static final int SAMPLES = 6;
    private static final int SAMPLE_EVERY = Math.max(1, EDITS / SAMPLES);
    /** Companions alive at the end: the last edit's, and perhaps a few the collector has not reached yet. */
    private static final int LIVE_COMPANIONS = 3;
    /** Lambda classes of the class alive at the end: the lambdas of v0, linked once and reused by every relink. */
    private static final int LIVE_LAMBDA_CLASSES = 3;
    /**
     * How much faster than the floor's the agent's metaspace may grow over the second half of the run, per edit, in
     * KiB: the agent's own classes (patcher, ASM) run on the application class loader and warm up in the JIT over
     * hundreds of edits, and their profiles live in metaspace (under {@code -Xint} the agent grows no faster than
     * the floor at all); an old version of the class kept per edit would cost more than this.
     */
    private static final double ALLOWED_KIB_PER_EDIT = 4.0;
    /** The shortest run whose second half is past most of that warm-up (it is 5 KiB a save over the first 25). */
    private static final int EDITS_TO_COMPARE_GROWTH = 200;
    /** More options for both child JVMs, separated by spaces, such as {@code -Xint} to see what the JIT's profiles cost. */
    private static final List<String> JVM_OPTIONS = List.of(System.getProperty("soak.jvmOptions", "").split(" +"))
            .stream().filter(option -> !option.isEmpty()).toList();
    private static final Pattern RUNNING_POOL = Pattern.compile("old_cp_len=(\\d+)");

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void hundredsOfStructuralEditsEachRunAndMetaspaceGrowsNoFasterThanBareRedefinition(Path jdk) {
        Path agentWork = work.resolve("agent");
        Path bareWork = work.resolve("bare");
        List<Sample> agent = new ArrayList<>();
        List<Sample> bare = new ArrayList<>();
        int companions;
        int agentLambdaClasses;
        try (StructuralChild child = StructuralChild.start(jdk, agentWork, SoakVersions.sources(agentWork, 0), "soak",
                "fixture.soak.Main", jvmOptions(agentWork))) {
            assertEquals(List.of(SoakVersions.stepOf(0)), child.call("step"), child::transcript);
            agent.add(new Sample(0, child.metaspace(), runningPool(agentWork)));
            for (int edit = 1; edit <= EDITS; edit++) {
                String outcome = child.install(SoakVersions.sources(agentWork, edit), "v" + edit);
                assertTrue(outcome.startsWith("[reload] "), outcome + "\n" + child.transcript());
                assertEquals(List.of(SoakVersions.stepOf(edit)), child.call("step"), child::transcript);
                if (edit % SAMPLE_EVERY == 0) {
                    agent.add(new Sample(edit, child.metaspace(), runningPool(agentWork)));
                }
            }
            companions = child.loadedClasses("$$ReloadCompanion");
            agentLambdaClasses = child.loadedClasses("fixture.soak.Counter$$Lambda");
            assertTrue(companions <= LIVE_COMPANIONS, companions + " companions are loaded\n" + child.transcript());
        }
        int bareLambdaClasses;
        try (StructuralChild child = StructuralChild.startBare(jdk, bareWork, SoakVersions.bareSources(bareWork, 0),
                "fixture.soak.Main", jvmOptions(bareWork))) {
            assertEquals(List.of(SoakVersions.stepOf(0)), child.call("step"), child::transcript);
            bare.add(new Sample(0, child.metaspace(), runningPool(bareWork)));
            for (int edit = 1; edit <= EDITS; edit++) {
                List<String> redefined = child.redefineBare(SoakVersions.bareSources(bareWork, edit), "v" + edit);
                assertTrue(redefined.size() == 1 && redefined.get(0).startsWith("redefined "),
                        redefined + "\n" + child.transcript());
                assertEquals(List.of(SoakVersions.stepOf(edit)), child.call("step"), child::transcript);
                if (edit % SAMPLE_EVERY == 0) {
                    bare.add(new Sample(edit, child.metaspace(), runningPool(bareWork)));
                }
            }
            bareLambdaClasses = child.loadedClasses("fixture.soak.Counter$$Lambda");
        }
        System.out.println(SoakTable.of(jdk, EDITS, agent, bare, companions, agentLambdaClasses, bareLambdaClasses));
        assertTrue(agentLambdaClasses <= LIVE_LAMBDA_CLASSES, agentLambdaClasses + " lambda classes are loaded");
        // Nothing the agent writes into the class may be new at each edit: its pool grows by the versions' own
        // constants, as the floor's does, and no more.
        assertEquals(poolGrowth(bare), poolGrowth(agent), "entries added to Counter's running constant pool");
        if (EDITS < EDITS_TO_COMPARE_GROWTH) {
            System.out.println("metaspace growth not compared: fewer than " + EDITS_TO_COMPARE_GROWTH + " edits");
            return;
        }
        double agentPerEdit = growthPerEdit(agent);
        double barePerEdit = growthPerEdit(bare);
        assertTrue(agentPerEdit <= barePerEdit + ALLOWED_KIB_PER_EDIT, String.format(
                "metaspace grew %.1f KiB per edit with the agent, %.1f with bare redefinition", agentPerEdit,
                barePerEdit));
    }

    /** {@return KiB per edit over the second half of the run: the first edits also warm up the JIT} */
    static double growthPerEdit(List<Sample> samples) {
        Sample first = samples.get(samples.size() / 2);
        Sample last = samples.get(samples.size() - 1);
        return (double) (last.use().usedKiB() - first.use().usedKiB()) / (last.edits() - first.edits());
    }

    /** {@return the entries Counter's running constant pool gained from the first sample after edits to the last} */
    private static int poolGrowth(List<Sample> samples) {
        return samples.get(samples.size() - 1).runningPool() - samples.get(1).runningPool();
    }

    /** {@return the child JVM's options: those given, and a log of each redefinition's pool lengths in the directory} */
    private static List<String> jvmOptions(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.add("-Xlog:redefine+class+constantpool=info:file=" + directory.resolve("pools.log"));
        return options;
    }

    /**
     * {@return the length of the largest constant pool a class ran with before a redefinition so far, as HotSpot
     * logged it ({@code old_cp_len}): that of {@code Counter}, whose pool is the largest and only grows}; 0 before
     * any
     */
    private static int runningPool(Path directory) {
        try {
            Matcher lengths = RUNNING_POOL.matcher(Files.readString(directory.resolve("pools.log")));
            int largest = 0;
            while (lengths.find()) {
                largest = Math.max(largest, Integer.parseInt(lengths.group(1)));
            }
            return largest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one sample saw after a number of edits. */
    record Sample(int edits, MetaspaceUse use, int runningPool) {
    }
}

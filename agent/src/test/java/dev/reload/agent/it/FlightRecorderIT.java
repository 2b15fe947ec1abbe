package dev.reload.agent.it;

import dev.reload.fixtures.harness.ChildJvm;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JFR: a recording started with the program holds an event per batch and one per reason a batch was refused; a
 * program that records nothing never loads the event classes, and a recording started later still gets the events.
 */
class FlightRecorderIT {
    @TempDir
    static Path compiled;

    @TempDir
    Path work;

    @BeforeAll
    static void compileVersions() {
        FixtureClasses.compile(compiled, "body", "v1");
        FixtureClasses.compile(compiled, "body", "v2");
        FixtureClasses.compile(compiled, "body", "v3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void recordingHoldsBatchAndRefusalEventsInTheReloadCategory(Path jdk) throws IOException {
        Path classes = work.resolve("classes");
        Path recording = work.resolve("reload.jfr");
        FixtureClasses.install(compiled.resolve("body-v1"), classes);
        try (ChildJvm child = ChildJvm.on(jdk).reloadAgent("log=debug")
                .jvmOption("-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true")
                .classPath(classes).main("fixture.body.Main").start()) {
            child.awaitStderr(WatchingChild.WATCHING);
            child.awaitStdout("v1 ticks=");
            FixtureClasses.install(compiled.resolve("body-v2"), classes);
            child.awaitStderr(ClassLoadLog.PLAYER_APPLIED);
            FixtureClasses.install(compiled.resolve("body-v3"), classes);
            child.awaitStderr("^\\[reload\\] refused, nothing was changed");
            child.send("quit");
            assertEquals(0, child.awaitExit(Duration.ofSeconds(60)), child::transcript);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording).stream()
                .filter(event -> event.getEventType().getName().startsWith("dev.reload.")).toList();

        RecordedEvent applied = only(events, "dev.reload.Batch", "APPLIED");
        assertEquals(1, applied.getInt("classCount"), applied::toString);
        assertEquals(1, applied.getInt("methodCount"), applied::toString);
        assertTrue(applied.getDuration("reloadTime").toNanos() > 0, applied::toString);
        assertTrue(applied.getString("summary").endsWith("fixture.body.Player (describe)"), applied::toString);
        assertEquals(List.of("Reload"), applied.getEventType().getCategoryNames());

        RecordedEvent refused = only(events, "dev.reload.Batch", "REFUSED");
        assertEquals(1, refused.getInt("classCount"), refused::toString);
        RecordedEvent reason = only(events, "dev.reload.Refusal", "REFUSED");
        assertTrue(reason.getString("reason").startsWith("fixture.body.Player: field int ticks — its modifiers changed"), reason::toString);
        assertEquals(List.of("Reload"), reason.getEventType().getCategoryNames());
        assertEquals(3, events.size(), events::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.reload.fixtures.harness.Jdks#stream")
    void noRecordingLoadsNoEventClassAndALaterRecordingGetsTheNextBatch(Path jdk) throws Exception {
        ClassLoadLog log = new ClassLoadLog(work.resolve("class-loads.log"));
        Path classes = work.resolve("classes");
        Path recording = work.resolve("late.jfr");
        try (ChildJvm child = log.startAndReloadOnce(jdk, compiled, classes)) {
            assertFalse(log.showsClass("dev.reload.agent.jfr.Reload"), "an event class was loaded without a recording");
            jcmd(jdk, child, "JFR.start", "name=late");
            int mark = child.stderrMark();
            FixtureClasses.install(compiled.resolve("body-v1"), classes);
            child.awaitStderrAfter(mark, ClassLoadLog.PLAYER_APPLIED);
            jcmd(jdk, child, "JFR.stop", "name=late", "filename=" + recording);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording).stream()
                .filter(event -> event.getEventType().getName().startsWith("dev.reload.")).toList();
        RecordedEvent applied = only(events, "dev.reload.Batch", "APPLIED");
        assertTrue(applied.getString("summary").endsWith("fixture.body.Player (describe)"), applied::toString);
        assertEquals(1, events.size(), events::toString);
    }

    /** Runs a diagnostic command in the child with the JDK's own {@code jcmd}, as a developer would. */
    private static void jcmd(Path jdk, ChildJvm child, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(jdk.resolve("bin/jcmd").toString(),
                Long.toString(child.pid())));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "jcmd did not end: " + output);
        assertEquals(0, process.exitValue(), output);
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name, String outcome) {
        List<RecordedEvent> found = events.stream().filter(event -> event.getEventType().getName().equals(name)
                && event.getString("outcome").equals(outcome)).toList();
        assertEquals(1, found.size(), () -> name + " " + outcome + " in " + events);
        return found.get(0);
    }
}

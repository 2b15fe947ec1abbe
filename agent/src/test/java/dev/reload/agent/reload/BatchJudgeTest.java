package dev.reload.agent.reload;

import dev.reload.agent.config.LogLevel;
import dev.reload.agent.index.CapturedClass;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.report.Reporter;
import dev.reload.agent.watch.ChangeCollector;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.rewrite.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Judging a batch against what runs, on fixture class files, without a child JVM. */
class BatchJudgeTest {
    private static final String PLAYER = "fixture/methodbody/Player";
    private static final String FIELD_PLAYER = "fixture/fieldadded/Player";

    @TempDir
    Path work;
    private BatchFixtures fixtures;
    private final LoadedClassIndex index = new LoadedClassIndex();
    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
    private final BatchJudge judge = new BatchJudge(index, BatchFixtures.instrumentation(true), new ReloadHistory(),
            new ChangeCollector(Duration.ofMillis(50), (file, e) -> { }),
            new Reporter(LogLevel.DEBUG, new PrintStream(lines, true, StandardCharsets.UTF_8)));

    @BeforeEach
    void fixtures() {
        fixtures = new BatchFixtures(work);
    }

    @Test
    void aBodyEditIsRedefinableAndNothingIsRefused() throws Exception {
        fixtures.running(index, Running.class, fixtures.compile("method-body", "v1"), PLAYER, false);

        Judgement judgement = judgeVersion2("method-body", PLAYER);

        assertEquals(List.of(), judgement.refusals());
        assertEquals(1, judgement.changed().size());
        JudgedClass judged = judgement.changed().get(0);
        assertEquals(Running.class, judged.type());
        assertEquals(Verdict.Kind.REDEFINABLE, judged.verdict().kind());
        assertEquals(List.of("update"), judged.verdict().changedMethods());
        assertTrue(judged.takesNewMembers(), "a class of the agent's own module takes new members without the accessor");
    }

    @Test
    void aFileWhoseClassIsNotLoadedNeedsNothing() throws Exception {

        Judgement judgement = judgeVersion2("method-body", PLAYER);

        assertEquals(List.of(), judgement.classes());
        assertEquals(List.of(), judgement.refusals());
        assertTrue(lines.toString(StandardCharsets.UTF_8).contains("fixture.methodbody.Player is not loaded; it will"
                + " load the new file when first used"), lines::toString);
    }

    @Test
    void anAddedFieldOfAClassNotPreparedAtLoadIsRefusedSayingWhy() throws Exception {
        // Of another class loader, so of another module than the agent's: the accessor is the only way in.
        fixtures.running(index, ofAnotherLoader(), fixtures.compile("field-added", "v1"), FIELD_PLAYER, false);

        Judgement judgement = judgeVersion2("field-added", FIELD_PLAYER);

        assertEquals(List.of(new Refusal("fixture.fieldadded.Player", "field added: int health",
                Refusals.NOT_PREPARED, Refusal.RESTART)), judgement.refusals());
        assertEquals("fixture.fieldadded.Player: field added: int health — the class was loaded before the agent"
                + " could prepare it for new members (the agent was attached later, or the class is compiled for Java"
                + " 7 or older); restart to apply", judgement.refusals().get(0).line());
    }

    @Test
    void anAddedFieldOfAClassPreparedAtLoadGoesToTheEngine() throws Exception {
        fixtures.running(index, Running.class, fixtures.compile("field-added", "v1"), FIELD_PLAYER, true);

        Judgement judgement = judgeVersion2("field-added", FIELD_PLAYER);

        assertEquals(List.of(), judgement.refusals());
        JudgedClass judged = judgement.changed().get(0);
        assertEquals(Verdict.Kind.NEEDS_REWRITE, judged.verdict().kind());
        assertTrue(judged.takesNewMembers());
    }

    @Test
    void aClassRefusedForAChangeNoRewriteCarriesIsRefusedForThatChangeAlone() throws Exception {
        fixtures.running(index, Running.class, fixtures.compile("rejected-beside-added", "v1"), "fixture/rejected/Shape",
                true);

        Judgement judgement = judgeVersion2("rejected-beside-added", "fixture/rejected/Shape");

        assertEquals(List.of("fixture.rejected.Shape: interfaces changed: added java.lang.Runnable — the running JVM"
                + " cannot change the types a class implements; restart to apply"),
                judgement.refusals().stream().map(Refusal::line).toList(),
                "the methods added beside it would reload, and saying they cannot contradicts the README");
    }

    @Test
    void aRunningClassThatCannotBeReadIsRefusedNamingIt() throws Exception {
        CapturedClass unreadable = new CapturedClass(PLAYER, fixtures.liveFile(PLAYER), new byte[] {1, 2, 3}, false);
        index.putLoaded(Running.class, unreadable);

        Judgement judgement = judgeVersion2("method-body", PLAYER);

        assertEquals(1, judgement.refusals().size());
        Refusal refusal = judgement.refusals().get(0);
        assertEquals("fixture.methodbody.Player", refusal.className());
        assertTrue(refusal.line().startsWith("fixture.methodbody.Player: the class the JVM runs cannot be read ("),
                refusal::line);
        assertTrue(refusal.line().endsWith("); restart to apply"), refusal::line);
        assertEquals(Verdict.Kind.REJECTED, judgement.classes().get(0).verdict().kind());
    }

    /** {@return the judgement of the batch that writes version {@code v2} of the case's class} */
    private Judgement judgeVersion2(String fixtureCase, String internalName) throws Exception {
        return judge.judge(List.of(fixtures.changedFile(fixtures.compile(fixtureCase, "v2"), internalName)));
    }

    /** {@return a class standing for the running class, defined by a class loader of its own} */
    private static Class<?> ofAnotherLoader() throws IOException {
        byte[] classFile;
        try (InputStream in = BatchJudgeTest.class.getResourceAsStream("BatchJudgeTest$Running.class")) {
            classFile = in.readAllBytes();
        }
        return new ClassLoader(BatchJudgeTest.class.getClassLoader().getParent()) {
            Class<?> define() {
                return defineClass(null, classFile, 0, classFile.length);
            }
        }.define();
    }

    /** Stands for the running class. */
    private static final class Running {
    }
}

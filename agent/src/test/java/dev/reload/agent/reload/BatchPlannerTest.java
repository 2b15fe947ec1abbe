package dev.reload.agent.reload;

import dev.reload.agent.index.LoadedClass;
import dev.reload.agent.index.LoadedClassIndex;
import dev.reload.agent.structural.RunningClasses;
import dev.reload.agent.structural.StructuralEngine;
import dev.reload.patcher.diff.ClassDiff;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.rewrite.RuntimeNames;
import dev.reload.patcher.shape.ClassShape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Planning a judged batch, on fixture class files, without a child JVM. */
class BatchPlannerTest {
    private static final String PLAYER = "fixture/methodbody/Player";
    private static final String PRIVATE_ADDED = "fixture/privateadded/Player";

    @TempDir
    Path work;
    private BatchFixtures fixtures;
    private final LoadedClassIndex index = new LoadedClassIndex();
    /** A JVM that cannot hand over the class file it runs: the engine's route ends in a refusal. */
    private final Instrumentation instrumentation = BatchFixtures.instrumentation(false);
    private final ReloadHistory history = new ReloadHistory();
    private final BatchPlanner planner = new BatchPlanner(new StructuralEngine(instrumentation, false,
            RunningClasses.NONE), history, new RunningClassFiles(instrumentation, null));

    @BeforeEach
    void fixtures() {
        fixtures = new BatchFixtures(work);
    }

    @Test
    void aBodyEditOfAClassNotPreparedAtLoadRedefinesItWithTheNewFileAsItIs() throws Exception {
        JudgedClass judged = judged("method-body", PLAYER, false);

        Plan plan = planner.plan(List.of(judged));

        PlannedClass.KeepsMembers planned = assertInstanceOf(PlannedClass.KeepsMembers.class, plan.classes().get(0));
        assertSame(judged, planned.judged());
        assertSame(Running.class, planned.definition().getDefinitionClass());
        assertArrayEquals(judged.file().file().bytes(), planned.classFile());
        assertEquals(List.of(), plan.rewrites());
    }

    @Test
    void aBodyEditOfAClassPreparedAtLoadKeepsTheMembersItRunsWith() throws Exception {
        JudgedClass judged = judged("method-body", PLAYER, true);

        Plan plan = planner.plan(List.of(judged));

        PlannedClass.KeepsMembers planned = assertInstanceOf(PlannedClass.KeepsMembers.class, plan.classes().get(0));
        ClassShape conformed = ClassShape.read(planned.classFile());
        ClassShape running = judged.loaded().captured().shape();
        assertTrue(conformed.method(RuntimeNames.ACCESSOR_NAME, RuntimeNames.ACCESSOR_DESCRIPTOR).isPresent());
        assertEquals(running.nestMembers(), conformed.nestMembers());
        assertTrue(planned.members().prepared());
        assertEquals(1, plan.definitions().length);
    }

    @Test
    void anAddedMethodOfAClassPreparedAtLoadGoesThroughTheEngine() throws Exception {
        JudgedClass judged = judged("method-added-private", PRIVATE_ADDED, true);

        // The engine needs the class file the JVM runs; this one cannot give it, so the plan says so.
        RewriteRefusedException refused = assertThrows(RewriteRefusedException.class,
                () -> planner.plan(List.of(judged)));

        assertEquals(List.of(Running.class.getName() + ": this JVM cannot give the class file it runs (no"
                + " retransformation); restart to apply"), refused.refusals().stream().map(r -> r.line()).toList());
    }

    @Test
    void nestMembersAddedAmongTheSparesTheClassWasPreparedWithKeepItsMembers() throws Exception {
        JudgedClass judged = judged("structural-anonymous", "fixture/nestmates/Shop", true);
        assertEquals(Verdict.Kind.NEEDS_REWRITE, judged.verdict().kind(), "the new anonymous classes are nest members");

        Plan plan = planner.plan(List.of(judged));

        PlannedClass.KeepsMembers planned = assertInstanceOf(PlannedClass.KeepsMembers.class, plan.classes().get(0));
        assertEquals(judged.loaded().captured().shape().nestMembers(),
                ClassShape.read(planned.classFile()).nestMembers());
        assertEquals(List.of(), plan.rewrites());
    }

    @Test
    void eachEntryCarriesItsOwnClassInTheBatchsOrder() throws Exception {
        JudgedClass first = judged("method-body", PLAYER, false);
        Path v1 = fixtures.compile("lambda-changed", "v1");
        Path v2 = fixtures.compile("lambda-changed", "v2");
        String lambdaPlayer = "fixture/lambdachanged/Player";
        LoadedClass loaded = fixtures.running(index, Other.class, v1, lambdaPlayer, true);
        ParsedFile file = fixtures.changedFile(v2, lambdaPlayer);
        JudgedClass second = new JudgedClass(loaded, file,
                ClassDiff.judge(index.shapeWithMemberNames(loaded.captured(), file.shape()), file.shape()), true);

        Plan plan = planner.plan(List.of(first, second));

        assertEquals(List.of(first, second), plan.classes().stream().map(PlannedClass::judged).toList());
        assertEquals(List.of(Running.class, Other.class), List.of(plan.definitions()[0].getDefinitionClass(),
                plan.definitions()[1].getDefinitionClass()));
        // The class making lambdas links them through the runtime, so a relink after the reload makes no new class.
        byte[] lambdas = plan.definitions()[1].getDefinitionClassFile();
        assertTrue(new String(lambdas, StandardCharsets.ISO_8859_1).contains(RuntimeNames.LAMBDA_FACTORIES));
    }

    private JudgedClass judged(String fixtureCase, String internalName, boolean prepared)
            throws Exception {
        LoadedClass loaded = fixtures.running(index, Running.class, fixtures.compile(fixtureCase, "v1"),
                internalName, prepared);
        ParsedFile file = fixtures.changedFile(fixtures.compile(fixtureCase, "v2"), internalName);
        // As the batch's judge names them: by the new version, whose members the running class all declares here.
        ClassShape baseline = index.shapeWithMemberNames(loaded.captured(), file.shape());
        return new JudgedClass(loaded, file, ClassDiff.judge(baseline, file.shape()),
                history.takesNewMembers(loaded));
    }

    /** Stands for a running class. */
    private static final class Running {
    }

    /** Stands for another running class. */
    private static final class Other {
    }
}

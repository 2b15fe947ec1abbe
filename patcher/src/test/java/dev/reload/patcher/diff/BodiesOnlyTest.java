package dev.reload.patcher.diff;

import dev.reload.fixtures.generate.ManyClasses;
import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.patcher.rewrite.LoadTimeAugmenter;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick judgement of body-only edits gives exactly what the full comparison gives, wherever it answers;
 * and it answers for the everyday edit, against the class as compiled and as the agent prepared it at load.
 */
class BodiesOnlyTest {
    @TempDir
    static Path work;

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("dev.reload.patcher.diff.FixtureVerdictTest#cases")
    void givesWhatTheFullComparisonGivesForEveryFixture(String fixtureCase, CompilerKind compiler) throws Exception {
        compiler.unavailableBecause().ifPresent(reason -> Assumptions.abort(reason));
        Map<String, byte[]> v1 = CompiledFixture.classFiles(fixtureCase, "v1", compiler);
        Map<String, byte[]> v2 = CompiledFixture.classFiles(fixtureCase, "v2", compiler);
        for (String name : v1.keySet()) {
            if (!v2.containsKey(name)) {
                continue;
            }
            for (byte[] running : List.of(v1.get(name), v2.get(name))) {
                for (byte[] updated : List.of(v1.get(name), v2.get(name))) {
                    sameAsFullComparison(running, updated, fixtureCase + " " + name);
                    sameAsFullComparison(LoadTimeAugmenter.augment(running, 8), updated, fixtureCase + " " + name
                            + " (prepared at load)");
                }
            }
        }
    }

    @Test
    void answersForBodiesChangedAgainstTheClassAsCompiledAndAsPrepared() throws Exception {
        byte[] v1 = generated(1);
        byte[] v2 = generated(2);
        byte[] prepared = LoadTimeAugmenter.augment(v1, 8);
        byte[] reloaded = LoadTimeAugmenter.conform(v2, ClassShape.read(prepared).nestMembers());
        for (byte[][] pair : List.of(new byte[][] {v1, v2}, new byte[][] {prepared, v2}, new byte[][] {reloaded, v1})) {
            Optional<List<Change>> quick = sameAsFullComparison(pair[0], pair[1], "C0");
            assertTrue(quick.isPresent(), "no quick answer for a body-only edit");
            assertEquals(List.of(new MethodChange.BodyChanged("fixture/generated/C0", "version", "()Ljava/lang/String;"),
                    new MethodChange.BodyChanged("fixture/generated/C0", "update", "(D)V")), quick.get());
        }
    }

    @Test
    void answersNoChangeForTheSameClass() throws Exception {
        byte[] v1 = generated(1);
        assertEquals(Optional.of(List.of()), sameAsFullComparison(LoadTimeAugmenter.augment(v1, 8), v1, "C0"));
        assertEquals(Optional.of(List.of()), sameAsFullComparison(v1, v1, "C0"));
    }

    @Test
    void leavesAnAddedMethodOrAnyExtraToTheFullComparison() throws Exception {
        byte[] v1 = generated(1);
        // The prepared class has the accessor, the class as compiled does not: seen from the compiled class, the new
        // version adds a method, which is no body edit.
        assertEquals(Optional.empty(), BodiesOnly.changes(ClassShape.read(v1),
                ClassShape.read(LoadTimeAugmenter.augment(v1, 8))));
    }

    /** {@return the quick answer, after checking that it is the full comparison's when there is one} */
    private static Optional<List<Change>> sameAsFullComparison(byte[] running, byte[] updated, String what)
            throws UnreadableClassException {
        ClassShape old = ClassShape.read(running);
        ClassShape now = ClassShape.read(updated);
        if (!old.internalName().equals(now.internalName())) {
            return Optional.empty();
        }
        Optional<List<Change>> quick = BodiesOnly.changes(old, now);
        quick.ifPresent(changes -> assertEquals(ClassDiff.compareFully(old, now), changes, what));
        return quick;
    }

    private static byte[] generated(int version) throws Exception {
        Path out = work.resolve("v" + version);
        if (!Files.exists(out.resolve(ManyClasses.classFile(0)))) {
            ManyClasses.compile(out, 2, version);
        }
        return Files.readAllBytes(out.resolve(ManyClasses.classFile(0)));
    }
}

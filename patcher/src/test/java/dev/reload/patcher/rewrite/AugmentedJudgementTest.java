package dev.reload.patcher.rewrite;

import dev.reload.patcher.diff.ClassDiff;
import dev.reload.patcher.diff.TypeChange;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.NestMemberKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A class augmented at load is judged against new class files as its developer wrote it, and a new version
 * with the same members conforms to what redefinition needs.
 */
class AugmentedJudgementTest {
    private static final String GAME = "fixture/structural/Game";
    private static final String SHOP = "fixture/nested/Shop";

    @TempDir
    static Path work;
    private static CompiledFixture methods;
    private static CompiledFixture nestedV1;
    private static CompiledFixture nestedV2;

    @BeforeAll
    static void compile() {
        methods = CompiledFixture.compile(work, "structural-methods", "v1");
        nestedV1 = CompiledFixture.compile(work, "structural-nested", "v1");
        nestedV2 = CompiledFixture.compile(work, "structural-nested", "v2");
    }

    @Test
    void theAccessorAndSpareNestMembersAreNoChange() throws Exception {
        ClassShape running = ClassShape.read(LoadTimeAugmenter.augment(methods.bytes(GAME), 8));
        Verdict verdict = ClassDiff.judge(running, ClassShape.read(methods.bytes(GAME)));
        assertEquals(Verdict.Kind.UNCHANGED, verdict.kind(), verdict.changes()::toString);
    }

    @Test
    void aSpareTakenByAnAnonymousClassOrSwitchMapIsThatClassAdded() throws Exception {
        ClassShape running = ClassShape.read(LoadTimeAugmenter.augment(nestedV1.bytes(SHOP), 8));
        Verdict verdict = ClassDiff.judge(running, ClassShape.read(nestedV2.bytes(SHOP)));
        List<TypeChange.NestMemberChanged> nest = verdict.changes().stream()
                .filter(TypeChange.NestMemberChanged.class::isInstance).map(TypeChange.NestMemberChanged.class::cast)
                .toList();
        assertEquals(Set.of(new TypeChange.NestMemberChanged(SHOP + "$1", NestMemberKind.ANONYMOUS, true),
                new TypeChange.NestMemberChanged(SHOP + "$2", NestMemberKind.SWITCH_MAP, true)), Set.copyOf(nest));
        assertEquals(2, nest.size(), nest::toString);
        assertTrue(verdict.changes().stream().noneMatch(c -> c.describe().contains(RuntimeNames.ACCESSOR_NAME)),
                verdict.changes()::toString);
    }

    @Test
    void constantPoolTellsWhichClassesAClassNames() {
        byte[] main = methods.bytes("fixture/structural/Main");
        assertTrue(ClassReferences.namesAny(main, Set.of(GAME)));
        assertFalse(ClassReferences.namesAny(main, Set.of("fixture/structural/Other")));
        assertFalse(ClassReferences.namesAny(main, Set.of()));
    }

    @Test
    void conformingGivesTheAccessorAndTheRunningNestMembers() throws Exception {
        byte[] augmented = LoadTimeAugmenter.augment(nestedV1.bytes(SHOP), 8);
        ClassShape running = ClassShape.read(augmented);
        ClassShape conformed = ClassShape.read(LoadTimeAugmenter.conform(nestedV2.bytes(SHOP), running.nestMembers()));
        assertEquals(running.nestMembers(), conformed.nestMembers());
        assertEquals(running.methods().stream().map(m -> m.name() + m.descriptor()).toList(),
                conformed.methods().stream().map(m -> m.name() + m.descriptor()).toList());

        byte[] again = LoadTimeAugmenter.conform(augmented, running.nestMembers());
        // The load-time edit keeps the compiler's order of attributes, ASM writes its own: compare what they hold.
        assertEquals(ClassFileText.outline(augmented), ClassFileText.outline(again));
        assertArrayEquals(ClassFileText.canonical(augmented), ClassFileText.canonical(again),
                "conforming the running class itself changes nothing");
    }

    @Test
    void conformingByBytesHoldsWhatConformingThroughAsmDoes() throws Exception {
        byte[][][] versions = {
            {nestedV1.bytes(SHOP), nestedV2.bytes(SHOP)},
            {methods.bytes(GAME), CompiledFixture.compile(work, "structural-methods", "v2").bytes(GAME)},
            {nestedV2.bytes(SHOP), nestedV2.bytes(SHOP)},
        };
        for (byte[][] pair : versions) {
            List<String> running = ClassShape.read(LoadTimeAugmenter.augment(pair[0], 8)).nestMembers();
            byte[] conformed = LoadTimeAugmenter.conform(pair[1], running);
            assertEquals(running, ClassShape.read(conformed).nestMembers());
            assertArrayEquals(ClassFileText.canonical(LoadTimeAugmenter.conformThroughAsm(pair[1], running)),
                    ClassFileText.canonical(conformed));
        }
    }
}

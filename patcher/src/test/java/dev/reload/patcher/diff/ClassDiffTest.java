package dev.reload.patcher.diff;

import dev.reload.fixtures.harness.CompilerKind;
import dev.reload.patcher.rewrite.Refusal;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MethodShape;
import dev.reload.patcher.shape.NestMemberKind;
import dev.reload.patcher.shape.UnreadableClassException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a verdict says beyond its list of changes: reasons, edited methods, and the facts it relies on. */
class ClassDiffTest {
    private static ClassShape shape(String fixtureCase, String version, CompilerKind compiler, String internalName)
            throws UnreadableClassException {
        return ClassShape.read(CompiledFixture.classFiles(fixtureCase, version, compiler).get(internalName));
    }

    private static Verdict judge(String fixtureCase, String internalName) throws UnreadableClassException {
        return ClassDiff.judge(shape(fixtureCase, "v1", CompilerKind.JAVAC, internalName),
                shape(fixtureCase, "v2", CompilerKind.JAVAC, internalName));
    }

    @Test
    void reasonNamesTheClassTheMemberAndWhatToDo() throws UnreadableClassException {
        Verdict verdict = judge("field-added", "fixture/fieldadded/Player");
        assertEquals(List.of("fixture.fieldadded.Player: field added: int health — running objects have no room "
                + "for it; restart to apply"), lines(verdict));
        Refusal refusal = verdict.refusals().get(0);
        assertEquals(new Refusal("fixture.fieldadded.Player", "field added: int health",
                "running objects have no room for it", Refusal.RESTART), refusal);
    }

    @Test
    void redefinableVerdictHasNoReasonsAndNamesTheEditedMethods() throws UnreadableClassException {
        Verdict verdict = judge("lambda-changed", "fixture/lambdachanged/Player");
        assertEquals(Verdict.Kind.REDEFINABLE, verdict.kind());
        assertTrue(verdict.redefinable());
        assertEquals(List.of(), lines(verdict));
        assertEquals(List.of("update"), verdict.changedMethods());
    }

    @Test
    void everyStructuralChangeHasAReasonAndBodyChangesHaveNone() throws UnreadableClassException {
        Verdict verdict = judge("method-added-private", "fixture/privateadded/Player");
        assertEquals(Verdict.Kind.NEEDS_REWRITE, verdict.kind());
        assertFalse(verdict.redefinable());
        assertEquals(List.of("fixture.privateadded.Player: method added: static int clamp(int) — the running JVM "
                + "cannot add methods; restart to apply"), lines(verdict));
        assertEquals(List.of("hit"), verdict.changedMethods());
    }

    @Test
    void theSameShapeIsUnchanged() throws UnreadableClassException {
        ClassShape shape = shape("method-body", "v1", CompilerKind.JAVAC, "fixture/methodbody/Player");
        Verdict verdict = ClassDiff.judge(shape, shape);
        assertEquals(new Verdict("fixture.methodbody.Player", Verdict.Kind.UNCHANGED, List.of(), List.of(), List.of()),
                verdict);
    }

    @Test
    void anotherClassIsRejected() throws UnreadableClassException {
        Verdict verdict = ClassDiff.judge(shape("method-body", "v1", CompilerKind.JAVAC, "fixture/methodbody/Player"),
                shape("field-added", "v1", CompilerKind.JAVAC, "fixture/fieldadded/Player"));
        assertEquals(Verdict.Kind.REJECTED, verdict.kind());
        assertEquals(List.of(new TypeChange.Renamed("fixture/methodbody/Player", "fixture/fieldadded/Player")),
                verdict.changes());
    }

    @Test
    void unreadableNewBytesGiveTheTypedError() throws UnreadableClassException {
        ClassShape running = shape("method-body", "v1", CompilerKind.JAVAC, "fixture/methodbody/Player");
        assertThrows(UnreadableClassException.class, () -> ClassDiff.judge(running, new byte[] {(byte) 0xCA}));
    }

    /** The lambda fixtures only prove something if the compilers really number lambdas differently. */
    @Test
    void compilersReallyNumberLambdasDifferently() throws UnreadableClassException {
        String player = "fixture/lambdainserted/Player";
        assertEquals(Set.of("lambda$update$0", "lambda$render$1"), lambdas(shape("lambda-inserted", "v1", CompilerKind.JAVAC, player)));
        assertEquals(Set.of("lambda$update$0", "lambda$update$1", "lambda$render$2"),
                lambdas(shape("lambda-inserted", "v2", CompilerKind.JAVAC, player)));
        assertEquals(Set.of("lambda$0", "lambda$1", "lambda$2"), lambdas(shape("lambda-inserted", "v2", CompilerKind.ECJ, player)));
        Assumptions.assumeTrue(CompilerKind.JAVAC_25.unavailableBecause().isEmpty(), "Temurin 25 is not installed");
        assertEquals(Set.of("lambda$update$0", "lambda$update$1", "lambda$render$0"),
                lambdas(shape("lambda-inserted", "v2", CompilerKind.JAVAC_25, player)));
    }

    @Test
    void shapeKnowsWhoCreatesALambdaAndWhatANestMemberIs() throws UnreadableClassException {
        ClassShape player = shape("lambda-inserted", "v2", CompilerKind.ECJ, "fixture/lambdainserted/Player");
        for (MethodShape method : player.methods()) {
            if (method.name().startsWith("lambda$")) {
                String creator = player.creatorOf(method).orElseThrow().name();
                assertTrue(creator.equals("update") || creator.equals("render"), creator);
            } else {
                assertTrue(player.creatorOf(method).isEmpty(), method.name());
            }
        }
        ClassShape game = shape("enum-switch-added", "v2", CompilerKind.JAVAC, "fixture/enumswitch/Game");
        assertEquals(NestMemberKind.SWITCH_MAP, game.nestMemberKind("fixture/enumswitch/Game$1").orElseThrow());
        ClassShape hud = shape("anonymous-inserted", "v2", CompilerKind.JAVAC, "fixture/anonymous/Hud");
        assertEquals(NestMemberKind.ANONYMOUS, hud.nestMemberKind("fixture/anonymous/Hud$2").orElseThrow());
        assertTrue(hud.nestMemberKind("fixture/anonymous/Nothing").isEmpty());
    }

    private static Set<String> lambdas(ClassShape shape) {
        Set<String> names = new TreeSet<>();
        for (MethodShape method : shape.methods()) {
            if (method.name().startsWith("lambda$")) {
                names.add(method.name());
            }
        }
        return names;
    }

    private static List<String> lines(Verdict verdict) {
        return verdict.refusals().stream().map(Refusal::line).toList();
    }
}

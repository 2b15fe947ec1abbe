package dev.reload.agent.structural;

import dev.reload.patcher.shape.MemberKey;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Members named through a subclass, followed up to the class whose reload moved them. */
class InheritedMovesTest {
    private static final String KNAVE = internalName(Knave.class);
    private static final MemberKey PICK = new MemberKey("pick", "(Ljava/lang/String;)Ljava/lang/String;");

    @Test
    void aSubclassNotLoadedYetIsFollowedThroughItsClassFile() {
        // No class runs as far as the view knows, as for a class new in the batch: the files say what they extend.
        InheritedMoves moves = new InheritedMoves(Map.of(KNAVE, Set.of(PICK)), RunningClasses.NONE,
                InheritedMovesTest.class.getClassLoader());

        assertEquals(KNAVE, moves.movedMethodDeclarer(internalName(Wisp.class), PICK.name(), PICK.descriptor()));
        assertEquals(KNAVE, moves.movedMethodDeclarer(internalName(Pixie.class), PICK.name(), PICK.descriptor()));
        assertNull(moves.movedMethodDeclarer(internalName(Sprite.class), PICK.name(), PICK.descriptor()),
                "a class declaring the method itself keeps its call");
        assertNull(moves.movedMethodDeclarer("fixture/Missing", PICK.name(), PICK.descriptor()));
    }

    @Test
    void withoutALoaderOnlyTheNamedClassCounts() {
        InheritedMoves moves = new InheritedMoves(Map.of(KNAVE, Set.of(PICK)), RunningClasses.NONE, null);

        assertEquals(KNAVE, moves.movedMethodDeclarer(KNAVE, PICK.name(), PICK.descriptor()));
        assertNull(moves.movedMethodDeclarer(internalName(Wisp.class), PICK.name(), PICK.descriptor()));
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    /** The class a reload gave {@code pick(String)}, as the map of moves says. */
    static class Knave {
    }

    /** Inherits it. */
    static class Wisp extends Knave {
    }

    /** Inherits it two levels down. */
    static class Pixie extends Wisp {
    }

    /** Declares its own. */
    static class Sprite extends Knave {
        String pick(String s) {
            return s;
        }
    }
}

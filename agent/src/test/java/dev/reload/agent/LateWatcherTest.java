package dev.reload.agent;

import dev.reload.agent.watch.TreeWatcher;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Roots asked for before the watcher runs reach it when it starts, in order; later ones go straight to it. */
class LateWatcherTest {
    private static final Path CLASSES = Path.of("/game/classes");
    private static final Path ASSETS = Path.of("/game/assets");
    private static final Path PLUGINS = Path.of("/game/plugins");

    @Test
    void rootsWaitForTheWatcherThenGoToIt() {
        LateWatcher late = new LateWatcher();
        assertTrue(late.watch(CLASSES));
        assertTrue(late.watch(ASSETS));
        assertFalse(late.watch(CLASSES), "a root asked for twice is watched once");
        assertEquals(Set.of(CLASSES, ASSETS), late.roots());

        Recording running = new Recording();
        late.started(running);
        assertEquals(List.of(CLASSES, ASSETS), running.asked);

        assertTrue(late.watch(PLUGINS));
        assertEquals(List.of(CLASSES, ASSETS, PLUGINS), running.asked);
        assertEquals(Set.of(CLASSES, ASSETS, PLUGINS), late.roots());
        assertThrows(IllegalStateException.class, () -> late.started(new Recording()));
    }

    /** A watcher that records the roots it is asked to watch. */
    private static final class Recording implements TreeWatcher {
        final List<Path> asked = new ArrayList<>();
        private final Set<Path> roots = new LinkedHashSet<>();

        @Override
        public boolean watch(Path root) {
            asked.add(root);
            return roots.add(root);
        }

        @Override
        public Set<Path> roots() {
            return Set.copyOf(roots);
        }
    }
}

package dev.reload.agent.reload;

import dev.reload.agent.index.CapturedClass;
import dev.reload.agent.index.LoadedClass;
import dev.reload.agent.structural.LoadTimePreparation;
import dev.reload.agent.watch.ContentHash;
import dev.reload.patcher.rewrite.RuntimeNames;
import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.UnreadableClassException;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Remembers, for the classes reloaded and only for them, what the next batch needs: the file last applied (what
 * the next file is judged against), what the classes that kept their members declare as they run (so that a class
 * reloaded again is not parsed again), and, for the classes the engine rewrote, the bytes the JVM runs. Classes
 * never reloaded are read from what the agent captured when they loaded. Used by the reload thread only.
 */
final class ReloadHistory {
    /** The shape of the class file last applied to each class reloaded, as compiled. */
    private final Map<Class<?>, ClassShape> appliedFiles = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<Class<?>, Rewritten> rewritten = Collections.synchronizedMap(new WeakHashMap<>());
    /** What the classes reloaded without the engine declare as they run, so the next batch need not parse it. */
    private final Map<Class<?>, RunningMembers> runningMembers = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * What a class the engine rewrote runs.
     *
     * @param running the class file the JVM runs since
     * @param runningHash its {@link ContentHash}, to tell whether another agent retransformed the class since
     */
    private record Rewritten(byte[] running, long runningHash) {
    }

    /** {@return what a new class file is judged against: the file last applied, as its developer wrote it} */
    ClassShape baseline(LoadedClass loaded) throws UnreadableClassException {
        ClassShape applied = appliedFiles.get(loaded.type());
        return applied != null ? applied : loaded.captured().shape();
    }

    /** {@return true when the class was prepared at load, so the engine can give it new members} */
    boolean takesNewMembers(LoadedClass loaded) throws UnreadableClassException {
        return wasRewritten(loaded) || runningMembers(loaded).prepared();
    }

    /** {@return true when the engine rewrote the class in an earlier batch} */
    boolean wasRewritten(LoadedClass loaded) {
        return rewritten.containsKey(loaded.type());
    }

    /**
     * {@return what the class declares as it runs}: carried over from the last reload when the JVM still runs what
     * it applied, so that a class reloaded again is not parsed again; read from the running class file otherwise
     */
    RunningMembers runningMembers(LoadedClass loaded) throws UnreadableClassException {
        CapturedClass captured = loaded.captured();
        RunningMembers known = runningMembers.get(loaded.type());
        if (known != null && known.runningHash() == captured.runningHash()) {
            return known;
        }
        ClassShape running = captured.shape();
        boolean accessor = running.method(RuntimeNames.ACCESSOR_NAME, RuntimeNames.ACCESSOR_DESCRIPTOR).isPresent();
        boolean prepared = accessor || LoadTimePreparation.preparedWithoutAccessor(loaded.type(), running);
        return new RunningMembers(captured.runningHash(), prepared, accessor,
                prepared ? running.nestMembers() : List.of());
    }

    /**
     * {@return the class file the JVM runs for a class the engine rewrote, when it still runs what the engine
     * applied; null when the class was never rewritten or another agent retransformed it since}
     */
    byte[] rewrittenClassFile(LoadedClass loaded) {
        Rewritten earlier = rewritten.get(loaded.type());
        return earlier != null && earlier.runningHash() == loaded.captured().runningHash() ? earlier.running() : null;
    }

    /**
     * Remembers what the classes of a batch that took run now. Call after each class's capture was told the bytes
     * it runs.
     *
     * @param redefined the batch's classes, never null
     */
    void applied(List<RedefinedClass> redefined) {
        for (RedefinedClass each : redefined) {
            JudgedClass judged = each.planned().judged();
            Class<?> type = judged.type();
            appliedFiles.put(type, judged.file().shape());
            if (each.planned() instanceof PlannedClass.KeepsMembers kept) {
                // A class conformed to its running members declares the same members after the reload: what the JVM
                // runs now differs in method bodies only, unless another agent changed the bytes on their way in.
                CapturedClass captured = judged.loaded().captured();
                if (!captured.changedByOtherAgent()) {
                    runningMembers.put(type, new RunningMembers(captured.runningHash(), kept.members().prepared(),
                            kept.members().accessor(), kept.members().nestMembers()));
                }
            } else {
                rewritten.put(type, new Rewritten(each.running(), ContentHash.of(each.running())));
            }
        }
    }
}

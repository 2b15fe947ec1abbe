package dev.reload.agent.reload;

import dev.reload.agent.index.CaptureTransformer;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Redefines every class of a planned batch in one {@link Instrumentation#redefineClasses} call, all or nothing, and
 * finds out which class file each class runs since: the one asked for, or what another agent's transformer made of
 * it (the capture, the last transformer, sees the final bytes). Used by the reload thread only.
 */
final class Redefiner {
    private final Instrumentation instrumentation;
    private final CaptureTransformer capture;

    Redefiner(Instrumentation instrumentation, CaptureTransformer capture) {
        this.instrumentation = instrumentation;
        this.capture = capture;
    }

    /**
     * {@return the classes as they run now, or why the JVM took none of them} The capture is told the classes only
     * when it watches: otherwise each runs the bytes asked for, and a set of a large batch's classes, made and
     * copied on the reload thread before the call, would only say so.
     */
    Redefinition redefine(Plan plan) {
        ClassDefinition[] requests = plan.definitions();
        boolean watched = capture.watchesRedefinitions();
        if (watched) {
            capture.expectRedefinition(types(plan));
        }
        long start = System.nanoTime();
        try {
            instrumentation.redefineClasses(requests);
            long callNanos = System.nanoTime() - start;
            List<RedefinedClass> redefined = new ArrayList<>(plan.classes().size());
            for (PlannedClass planned : plan.classes()) {
                byte[] requested = planned.definition().getDefinitionClassFile();
                byte[] observed = watched ? capture.redefinedBytes(planned.judged().type()) : null;
                boolean changedByOther = observed != null && !Arrays.equals(observed, requested);
                redefined.add(new RedefinedClass(planned, observed == null ? requested : observed, changedByOther));
            }
            return Redefinition.took(redefined, callNanos);
        } catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError
                 | InternalError e) {
            return Redefinition.failed("the JVM refused the new classes (" + e + ")", System.nanoTime() - start);
        } finally {
            if (watched) {
                capture.endRedefinition();
            }
        }
    }

    private static Set<Class<?>> types(Plan plan) {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (PlannedClass planned : plan.classes()) {
            types.add(planned.judged().type());
        }
        return types;
    }
}

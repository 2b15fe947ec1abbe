package dev.reload.agent.reload;

import dev.reload.patcher.diff.Change;
import dev.reload.patcher.diff.ClassDiff;
import dev.reload.patcher.diff.Verdict;
import dev.reload.patcher.rewrite.Refusal;
import dev.reload.patcher.shape.UnreadableClassException;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the verdicts of a batch into the reasons it cannot be applied. Changes that add or remove
 * members go to the structural engine, which has the last word on them, for classes prepared when they loaded;
 * for the others (loaded before the agent was attached, or compiled for Java 7 or older) they are refused here.
 */
final class Refusals {
    static final String NOT_PREPARED = "the class was loaded before the agent could prepare it for new members"
            + " (the agent was attached later, or the class is compiled for Java 7 or older)";

    private Refusals() {
    }

    /** {@return every reason the batch cannot be applied; empty when it can} */
    static List<Refusal> of(List<JudgedClass> classes) {
        List<Refusal> reasons = new ArrayList<>();
        for (JudgedClass judged : classes) {
            Verdict verdict = judged.verdict();
            switch (verdict.kind()) {
                case REJECTED -> reasons.addAll(rejected(verdict));
                case NEEDS_REWRITE -> {
                    if (judged.takesNewMembers()) {
                        continue;
                    }
                    // Say why this class cannot take the change, instead of the diff's general consequence.
                    verdict.refusals().forEach(refusal -> reasons.add(refusal.because(NOT_PREPARED, Refusal.RESTART)));
                }
                case UNCHANGED, REDEFINABLE -> {
                    continue;
                }
            }
            if (judged.loaded().captured().changedByOtherAgent() && !judged.takesNewMembers()) {
                reasons.add(new Refusal(verdict.className(), null, "changed by another agent when it loaded (a coverage"
                        + " tool, profiler or APM agent): members that agent added are not in the new class file", null));
            }
        }
        return reasons;
    }

    /**
     * {@return the reasons for the changes no rewrite carries}: the changes the engine takes beside them (a method
     * added) are no reason, and their general wording ("the running JVM cannot add methods") would contradict what
     * the agent does with them. A verdict made for a class that cannot be judged has its reason and no change.
     */
    private static List<Refusal> rejected(Verdict verdict) {
        if (verdict.changes().isEmpty()) {
            return verdict.refusals();
        }
        List<Refusal> reasons = new ArrayList<>();
        for (Change change : verdict.changes()) {
            if (change.needs() == Verdict.Kind.REJECTED) {
                reasons.add(ClassDiff.refusalOf(verdict.className(), change));
            }
        }
        return reasons;
    }

    /**
     * {@return the refusal of a batch one of whose running classes cannot be compared with its new version: the
     * agent keeps only the hashes of its members' names, and neither the new version, nor the class file it loaded
     * from, nor the JVM names them all}
     *
     * @param className the class's binary name, never null
     */
    static Refusal membersUnknown(String className) {
        return new Refusal(className, null, "the names of the members it runs cannot be had: neither the new version"
                + " nor the class file on disk declares them all, and the JVM did not give the class file it runs",
                Refusal.RESTART);
    }

    /**
     * {@return the refusal of a batch one of whose running classes cannot be read}
     *
     * @param className the class's binary name, never null
     * @param e why its class file cannot be read, never null
     */
    static Refusal unreadable(String className, UnreadableClassException e) {
        return new Refusal(className, null, "the class the JVM runs cannot be read (" + e.getMessage() + ")",
                Refusal.RESTART);
    }
}

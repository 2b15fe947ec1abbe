package dev.reload.agent.reload;

import dev.reload.patcher.diff.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the verdicts of a batch into the reasons it cannot be applied, one line each. Changes that add or remove
 * members go to the structural engine, which has the last word on them, for classes prepared when they loaded;
 * for the others (loaded before the agent was attached, or compiled for Java 7 or older) they are refused here.
 */
final class Refusals {
    static final String NOT_PREPARED = "the class was loaded before the agent could prepare it for new members"
            + " (the agent was attached later, or the class is compiled for Java 7 or older); restart to apply";

    private Refusals() {
    }

    /** {@return every reason the batch cannot be applied; empty when it can} */
    static List<String> of(List<Candidate> candidates) {
        List<String> reasons = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Verdict verdict = candidate.verdict();
            switch (verdict.kind()) {
                case REJECTED -> reasons.addAll(verdict.reasons());
                case NEEDS_REWRITE -> {
                    if (candidate.takesNewMembers()) {
                        continue;
                    }
                    verdict.reasons().forEach(reason -> reasons.add(notPrepared(reason)));
                }
                case UNCHANGED, REDEFINABLE -> {
                    continue;
                }
            }
            if (candidate.loaded().captured().changedByOtherAgent() && !candidate.takesNewMembers()) {
                reasons.add(verdict.className() + " was changed by another agent when it loaded (a coverage tool,"
                        + " profiler or APM agent): members that agent added are not in the new class file");
            }
        }
        return reasons;
    }

    private static String notPrepared(String reason) {
        // Say why this class cannot take the change, instead of the diff's general consequence.
        int dash = reason.indexOf(" — ");
        return (dash < 0 ? reason : reason.substring(0, dash)) + " — " + NOT_PREPARED;
    }
}

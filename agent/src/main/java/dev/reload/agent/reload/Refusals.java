package dev.reload.agent.reload;

import dev.reload.patcher.diff.Verdict;

import java.util.ArrayList;
import java.util.List;

/** Turns the verdicts of a batch into the reasons it cannot be applied, one line each. */
final class Refusals {
    static final String NOT_YET = "cannot be reloaded yet; restart to apply";

    private Refusals() {
    }

    /** {@return every reason the batch cannot be applied; empty when it can} */
    static List<String> of(List<Candidate> candidates) {
        List<String> reasons = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Verdict verdict = candidate.verdict();
            switch (verdict.kind()) {
                case REJECTED -> reasons.addAll(verdict.reasons());
                case NEEDS_REWRITE -> verdict.reasons().forEach(reason -> reasons.add(notYet(reason)));
                case UNCHANGED, REDEFINABLE -> {
                    continue;
                }
            }
            if (candidate.loaded().captured().changedByOtherAgent()) {
                reasons.add(verdict.className() + " was changed by another agent when it loaded (a coverage tool,"
                        + " profiler or APM agent): members that agent added are not in the new class file");
            }
        }
        return reasons;
    }

    private static String notYet(String reason) {
        // The rewrite that makes these changes work is not built yet: say so instead of the rewrite's plan.
        int dash = reason.indexOf(" — ");
        return (dash < 0 ? reason : reason.substring(0, dash)) + " — " + NOT_YET;
    }
}

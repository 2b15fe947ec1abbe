package dev.reload.agent.reload;

import dev.reload.agent.api.ReloadedClass;
import dev.reload.patcher.diff.Change;
import dev.reload.patcher.diff.LambdaChange;
import dev.reload.patcher.diff.MethodChange;
import dev.reload.patcher.diff.Verdict;

import java.util.ArrayList;
import java.util.List;

/** Names what a verdict changed the way a report line says it: methods whose bodies changed, then the other edits. */
final class EditWords {
    static final String STATIC_INITIALIZER_NOT_RERUN = "static initializer changed: not re-run, static fields keep"
            + " their values";

    private EditWords() {
    }

    /** {@return the class of a verdict as a report names it} */
    static ReloadedClass reloadedClass(Verdict verdict) {
        List<String> methods = new ArrayList<>(verdict.changedMethods());
        methods.remove("<clinit>");
        return new ReloadedClass(verdict.className(), methods, edits(verdict));
    }

    private static List<String> edits(Verdict verdict) {
        List<String> edits = new ArrayList<>();
        for (Change change : verdict.changes()) {
            if (change instanceof MethodChange.StaticInitializerChanged) {
                edits.add(STATIC_INITIALIZER_NOT_RERUN);
            } else if (change.needs() == Verdict.Kind.NEEDS_REWRITE && !(change instanceof LambdaChange.Renumbered)) {
                // Renumbered lambdas are a consequence of another edit, reported on its own.
                edits.add(change.describe());
            }
        }
        return edits;
    }
}

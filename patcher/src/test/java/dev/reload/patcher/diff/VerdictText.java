package dev.reload.patcher.diff;

/** Writes a verdict as the lines the fixture expectation files hold. */
final class VerdictText {
    private VerdictText() {
    }

    static String of(Verdict verdict) {
        StringBuilder text = new StringBuilder(verdict.className()).append(' ').append(verdict.kind());
        if (!verdict.changedMethods().isEmpty()) {
            text.append(' ').append(verdict.changedMethods());
        }
        text.append('\n');
        for (Change change : verdict.changes()) {
            text.append("  ").append(change.describe()).append('\n');
        }
        return text.toString();
    }
}

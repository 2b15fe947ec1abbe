package dev.reload.patcher.shape;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a field or method descriptor names classes (JVMS 4.3): the spans of {@code java/lang/String} in
 * {@code (Ljava/lang/String;[I)V}. Only the grammar is checked, not what the names spell.
 */
final class DescriptorNames {
    private DescriptorNames() {
    }

    /**
     * {@return the start (after its {@code L}) and end (at its {@code ;}) of each class name, in order; null when the
     * text is not a field or method descriptor}
     *
     * @param text never null
     */
    static List<int[]> of(String text) {
        List<int[]> names = new ArrayList<>();
        int end;
        if (text.startsWith("(")) {
            int at = 1;
            while (at < text.length() && text.charAt(at) != ')') {
                at = fieldType(text, at, names);
                if (at < 0) {
                    return null;
                }
            }
            if (at == text.length()) {
                return null;
            }
            end = at + 1 < text.length() && text.charAt(at + 1) == 'V' ? at + 2 : fieldType(text, at + 1, names);
        } else {
            end = fieldType(text, 0, names);
        }
        return end == text.length() ? names : null;
    }

    /** {@return where the field type at {@code at} ends, its class name added to names; -1 when none starts there} */
    private static int fieldType(String text, int at, List<int[]> names) {
        while (at < text.length() && text.charAt(at) == '[') {
            at++;
        }
        if (at == text.length()) {
            return -1;
        }
        char kind = text.charAt(at);
        if ("BCDFIJSZ".indexOf(kind) >= 0) {
            return at + 1;
        }
        if (kind != 'L') {
            return -1;
        }
        int semicolon = text.indexOf(';', at);
        if (semicolon <= at + 1) {
            return -1;
        }
        names.add(new int[] {at + 1, semicolon});
        return semicolon + 1;
    }
}

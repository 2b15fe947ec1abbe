package dev.reload.patcher.rewrite;

import java.util.Map;
import java.util.Set;

/**
 * Says whether a field whose type changed keeps its value: when the old value converts to the new type without
 * loss, by a widening primitive conversion that keeps every value exactly (JLS 5.1.2: {@code int} to {@code long}
 * or {@code double}, not to {@code float}), by boxing, or by boxing and then widening to {@code Number} or
 * {@code Object} (JLS 5.1.7, 5.1.5), or by widening a reference to {@code Object}. Any other change starts the
 * field at its default value.
 */
public final class FieldConversion {
    /** For each primitive descriptor, the primitive descriptors that hold each of its values exactly. */
    private static final Map<Character, String> EXACT_WIDENING = Map.of(
            'B', "SIJFD",
            'S', "IJFD",
            'C', "IJFD",
            'I', "JD",
            'J', "",
            'F', "D",
            'D', "",
            'Z', "");
    private static final Map<Character, String> BOXES = Map.of(
            'B', "Ljava/lang/Byte;", 'S', "Ljava/lang/Short;", 'C', "Ljava/lang/Character;",
            'I', "Ljava/lang/Integer;", 'J', "Ljava/lang/Long;", 'F', "Ljava/lang/Float;",
            'D', "Ljava/lang/Double;", 'Z', "Ljava/lang/Boolean;");
    private static final Set<Character> NUMBERS = Set.of('B', 'S', 'I', 'J', 'F', 'D');
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String NUMBER = "Ljava/lang/Number;";

    private FieldConversion() {
    }

    /**
     * {@return true when every value of the old type converts to the new type without loss}
     *
     * @param oldDescriptor the running field's descriptor, never null
     * @param newDescriptor the new version's descriptor of the field, never null
     */
    public static boolean keepsValue(String oldDescriptor, String newDescriptor) {
        if (oldDescriptor.equals(newDescriptor)) {
            return true;
        }
        char from = oldDescriptor.charAt(0);
        boolean primitive = oldDescriptor.length() == 1;
        if (!primitive) {
            return newDescriptor.equals(OBJECT);
        }
        if (newDescriptor.length() == 1) {
            return EXACT_WIDENING.get(from).indexOf(newDescriptor.charAt(0)) >= 0;
        }
        return newDescriptor.equals(BOXES.get(from)) || newDescriptor.equals(OBJECT)
                || (newDescriptor.equals(NUMBER) && NUMBERS.contains(from));
    }
}

package dev.reload.patcher.rewrite;

import java.util.Map;
import java.util.Set;

/**
 * Says whether a field whose type changed keeps its value: when the old value converts to the new type without
 * loss, by a widening primitive conversion that keeps every value exactly (JLS 5.1.2: {@code int} to {@code long}
 * or {@code double}, not to {@code float}), by boxing, or by boxing and then widening to {@code Number} or
 * {@code Object} (JLS 5.1.7, 5.1.5), or by widening a reference to one of its supertypes (JLS 5.1.5: an
 * {@code ArrayList} to {@code List}, a {@code String} to {@code CharSequence}), which only the classes themselves can
 * tell ({@link Supertypes}). Any other change starts the field at its default value.
 */
public final class FieldConversion {
    /** Which classes are supertypes of which: the class hierarchy, which class files alone do not give. */
    public interface Supertypes {
        /** Knows no class: a reference widens to {@code Object} only. */
        Supertypes NONE = new Supertypes() {
            @Override
            public boolean isSupertype(String supertype, String type) {
                return false;
            }
        };

        /**
         * {@return true when {@code supertype} is a superclass or superinterface of {@code type}, at any depth}
         *
         * @param supertype a class or interface, by internal name, never null
         * @param type a class or interface, by internal name, never null
         */
        boolean isSupertype(String supertype, String type);
    }

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
    private static final String CLONEABLE = "Ljava/lang/Cloneable;";
    private static final String SERIALIZABLE = "Ljava/io/Serializable;";

    private FieldConversion() {
    }

    /**
     * {@return true when every value of the old type converts to the new type without loss}
     *
     * @param oldDescriptor the running field's descriptor, never null
     * @param newDescriptor the new version's descriptor of the field, never null
     * @param supertypes the class hierarchy the field's types are in, never null
     */
    public static boolean keepsValue(String oldDescriptor, String newDescriptor, Supertypes supertypes) {
        if (oldDescriptor.equals(newDescriptor)) {
            return true;
        }
        char from = oldDescriptor.charAt(0);
        boolean primitive = oldDescriptor.length() == 1;
        if (!primitive) {
            return widensReference(oldDescriptor, newDescriptor, supertypes);
        }
        if (newDescriptor.length() == 1) {
            return EXACT_WIDENING.get(from).indexOf(newDescriptor.charAt(0)) >= 0;
        }
        return newDescriptor.equals(BOXES.get(from)) || newDescriptor.equals(OBJECT)
                || (newDescriptor.equals(NUMBER) && NUMBERS.contains(from));
    }

    /** {@return true when a reference of the old type is one of the new type too (JLS 5.1.5)} */
    private static boolean widensReference(String oldDescriptor, String newDescriptor, Supertypes supertypes) {
        if (oldDescriptor.equals(newDescriptor) || newDescriptor.equals(OBJECT)) {
            return true;
        }
        if (oldDescriptor.charAt(0) == '[') {
            if (newDescriptor.equals(CLONEABLE) || newDescriptor.equals(SERIALIZABLE)) {
                return true;
            }
            // An array of references is one of their supertype (String[] to Object[]); primitives must match.
            String oldComponent = oldDescriptor.substring(1);
            String newComponent = newDescriptor.substring(1);
            return newDescriptor.charAt(0) == '[' && oldComponent.length() > 1 && newComponent.length() > 1
                    && widensReference(oldComponent, newComponent, supertypes);
        }
        return newDescriptor.charAt(0) == 'L'
                && supertypes.isSupertype(internalName(newDescriptor), internalName(oldDescriptor));
    }

    private static String internalName(String classDescriptor) {
        return classDescriptor.substring(1, classDescriptor.length() - 1);
    }
}

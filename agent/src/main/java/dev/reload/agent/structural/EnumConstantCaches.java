package dev.reload.agent.structural;

import java.util.Optional;

/**
 * Makes the JDK see an enum's constants anew once a reload rebuilt its {@code values()} array: {@code valueOf},
 * {@code EnumSet.allOf} and {@code new EnumMap} read the constants through caches in the enum's
 * {@link Class} ({@code enumConstants}, {@code enumConstantDirectory}), filled from {@code values()} on first use
 * and never emptied. Emptied, they fill again from the new array. An {@code EnumSet} or {@code EnumMap} made
 * before keeps the constants it was made with. Then checks that each constant sits at its ordinal in
 * {@code values()}, which {@code EnumMap}, {@code EnumSet} and every switch index by.
 */
final class EnumConstantCaches {
    private static final String[] CACHES = {"enumConstants", "enumConstantDirectory"};

    /** Gives the writer, opening it the first time. */
    interface Writers {
        StaticFieldWriter get() throws ReflectiveOperationException;
    }

    private EnumConstantCaches() {
    }

    /**
     * Empties the caches as soon as the batch applied, when {@code values()} lists the new constants already
     * ({@code EnumValuesAtOnce}): a {@code new EnumMap} made meanwhile was sized for the old ones, and a new constant
     * put in it threw {@code ArrayIndexOutOfBoundsException}. {@link #rebuilt} empties them again once the array of
     * constants has its new value, and says what could not be done.
     */
    static void empty(Class<?> type, Writers writers) {
        try {
            clear(type, writers);
        } catch (Throwable e) {
            // Said by rebuilt, which tries again.
        }
    }

    private static void clear(Class<?> type, Writers writers) throws Throwable {
        StaticFieldWriter writer = writers.get();
        for (String cache : CACHES) {
            writer.clear(type, Class.class, cache);
        }
    }

    /** {@return a line saying what the program may not see, when the caches could not be emptied or ordinals moved} */
    @SuppressWarnings("EnumOrdinal") // the ordinals are what is checked
    static Optional<String> rebuilt(Class<?> type, Writers writers) {
        try {
            clear(type, writers);
        } catch (Throwable e) {
            return Optional.of(type.getName() + ": values() lists the new constants, but valueOf, EnumSet and EnumMap"
                    + " may not (the JDK's cache of the constants could not be emptied: " + e + ")");
        }
        Object[] constants = type.getEnumConstants();
        for (int position = 0; position < constants.length; position++) {
            Enum<?> constant = (Enum<?>) constants[position];
            if (constant.ordinal() != position) {
                return Optional.of(type.getName() + ": the constant " + constant.name() + " has ordinal "
                        + constant.ordinal() + " but sits at position " + position + " of values(), so EnumMap,"
                        + " EnumSet and switches over it go wrong (an earlier reload added constants in another"
                        + " order); restart to apply");
            }
        }
        return Optional.empty();
    }
}

package dev.reload.patcher.shape;

/**
 * Names that compilers give to the members and classes they generate, as javac (17 to 25), the Eclipse
 * compiler and kotlinc 2 write them. A diff uses them to tell "a lambda was added" from "a method was added".
 */
public final class SyntheticNames {
    /** The prefix of every lambda body method: {@code lambda$update$0} (javac), {@code lambda$0} (ECJ). */
    public static final String LAMBDA_PREFIX = "lambda$";
    /**
     * What kotlinc 2 puts between the host method's name and the number of a lambda body compiled through
     * {@code invokedynamic}: {@code make$lambda$0}, a lambda inside it {@code make$lambda$0$lambda$1}.
     */
    public static final String KOTLIN_LAMBDA_INFIX = "$lambda$";
    /** The static field javac and ECJ add when a class first uses {@code assert}. */
    public static final String ASSERTIONS_DISABLED = "$assertionsDisabled";
    /** The prefix of javac's enum switch arrays, held by a synthetic class {@code Outer$N}. */
    public static final String SWITCH_MAP_PREFIX = "$SwitchMap$";
    /** The prefix of ECJ's enum switch table field and method, kept in the switching class itself. */
    public static final String SWITCH_TABLE_PREFIX = "$SWITCH_TABLE$";

    private SyntheticNames() {
    }

    /**
     * {@return whether a method name is a compiler-generated lambda body}
     *
     * @param name a method name, never null
     */
    public static boolean isLambda(String name) {
        return name.startsWith(LAMBDA_PREFIX) || name.indexOf(KOTLIN_LAMBDA_INFIX) > 0;
    }

    /**
     * {@return the name of the method that javac wrote into a lambda's name, such as {@code update} for
     * {@code lambda$update$0}, {@code <clinit>} for {@code lambda$static$0}, {@code <init>} for
     * {@code lambda$new$0}, and that kotlinc wrote into one, such as {@code make} for {@code make$lambda$0}; null
     * for ECJ's {@code lambda$0} and for names that are no lambda}
     *
     * @param name a method name, never null
     */
    public static String hostFromLambdaName(String name) {
        if (!isLambda(name)) {
            return null;
        }
        if (!name.startsWith(LAMBDA_PREFIX)) {
            return name.substring(0, name.indexOf(KOTLIN_LAMBDA_INFIX));
        }
        int end = name.lastIndexOf('$');
        if (end <= LAMBDA_PREFIX.length()) {
            return null;
        }
        String host = name.substring(LAMBDA_PREFIX.length(), end);
        return switch (host) {
            case "static" -> "<clinit>";
            case "new" -> "<init>";
            default -> host;
        };
    }

    /**
     * {@return whether a member name is ECJ's enum switch table}
     *
     * @param name a field or method name, never null
     */
    public static boolean isSwitchTable(String name) {
        return name.startsWith(SWITCH_TABLE_PREFIX);
    }

    /**
     * {@return the enum's binary name that a switch map or switch table name encodes, such as
     * {@code demo.Color} for {@code $SwitchMap$demo$Color}; best effort, since {@code $} is ambiguous}
     *
     * @param name a name starting with {@link #SWITCH_MAP_PREFIX} or {@link #SWITCH_TABLE_PREFIX}, never null
     */
    public static String switchedEnum(String name) {
        String prefix = name.startsWith(SWITCH_MAP_PREFIX) ? SWITCH_MAP_PREFIX : SWITCH_TABLE_PREFIX;
        return name.substring(prefix.length()).replace('$', '.');
    }
}

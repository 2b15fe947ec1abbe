package dev.reload.patcher.shape;

import java.nio.charset.StandardCharsets;

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
    /**
     * The prefix of kotlinc's enum switch arrays, numbered in the order of the {@code when}s of a file
     * ({@code $EnumSwitchMapping$0}), held by a synthetic class {@code Outer$WhenMappings}.
     */
    public static final String KOTLIN_SWITCH_MAPPING_PREFIX = "$EnumSwitchMapping$";
    private static final byte[] SWITCH_TABLE_BYTES = SWITCH_TABLE_PREFIX.getBytes(StandardCharsets.US_ASCII);

    private SyntheticNames() {
    }

    /**
     * {@return the outer class of a numbered class, {@code a/B} for {@code a/B$12}, or null for another name}
     * Compilers number the anonymous classes and the enum switch maps they write ({@code Outer$1}, {@code Outer$2},
     * ...), and the agent lists spare nest members under such names.
     *
     * @param internalName a class's internal name, never null
     */
    public static String numberedOuter(String internalName) {
        int dollar = internalName.lastIndexOf('$');
        return dollar > 0 && isNumberedMember(internalName, dollar) ? internalName.substring(0, dollar) : null;
    }

    /**
     * {@return true when {@code member} is a numbered class of {@code outer}: {@code outer}, a dollar sign, digits}
     *
     * @param outer the outer class's internal name, never null
     * @param member a class's internal name, never null
     */
    public static boolean isNumberedMember(String outer, String member) {
        return member.length() > outer.length() + 1 && member.charAt(outer.length()) == '$'
                && member.startsWith(outer) && isNumberedMember(member, outer.length());
    }

    /**
     * {@return the number of {@code member} as a numbered class of {@code outer} (12 for {@code a/B$12} of
     * {@code a/B}), or -1 when it is none or its number has ten digits or more}
     */
    public static int number(String outer, String member) {
        if (!isNumberedMember(outer, member) || member.length() - outer.length() - 1 >= 10) {
            return -1;
        }
        return Integer.parseInt(member, outer.length() + 1, member.length(), 10);
    }

    /** {@return true when the name has a digit after the dollar sign at {@code dollar}, and only digits} */
    private static boolean isNumberedMember(String name, int dollar) {
        if (dollar >= name.length() - 1) {
            return false;
        }
        for (int i = dollar + 1; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
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
     * {@return false when {@code classFile} surely declares no ECJ enum switch table, true when it may} Every field
     * name is a {@code CONSTANT_Utf8} entry (JVMS 4.4.7), whose modified UTF-8 keeps ASCII characters as they are,
     * so a class file without the bytes of {@link #SWITCH_TABLE_PREFIX} declares no such field: one pass over the
     * bytes instead of reflecting on the class.
     *
     * @param classFile a class file, never null
     */
    public static boolean mayDeclareSwitchTable(byte[] classFile) {
        int last = classFile.length - SWITCH_TABLE_BYTES.length;
        for (int at = 0; at <= last; at++) {
            if (classFile[at] == '$' && holdsSwitchTablePrefixAt(classFile, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsSwitchTablePrefixAt(byte[] classFile, int at) {
        for (int i = 1; i < SWITCH_TABLE_BYTES.length; i++) {
            if (classFile[at + i] != SWITCH_TABLE_BYTES[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return the name of javac's switch map array over the enum, such as {@code $SwitchMap$demo$Color}}; the inverse
     * of {@link #switchedEnum}
     *
     * @param enumBinaryName the enum's binary name, such as {@code demo.Color}, never null
     */
    public static String switchMapName(String enumBinaryName) {
        return SWITCH_MAP_PREFIX + enumBinaryName.replace('.', '$');
    }

    /**
     * {@return the name of the Eclipse compiler's switch table over the enum, such as
     * {@code $SWITCH_TABLE$demo$Color}}; the inverse of {@link #switchedEnum}
     *
     * @param enumBinaryName the enum's binary name, such as {@code demo.Color}, never null
     */
    public static String switchTableName(String enumBinaryName) {
        return SWITCH_TABLE_PREFIX + enumBinaryName.replace('.', '$');
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

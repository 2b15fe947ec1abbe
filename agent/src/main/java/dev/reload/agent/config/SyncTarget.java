package dev.reload.agent.config;

/**
 * The method whose every call is a synchronization point ({@code sync=CLASS.METHOD}): a batch the agent has
 * prepared is applied at the entry of its next call, on the thread that calls it, before its own code.
 *
 * @param binaryName the class's binary name, such as {@code demo.Game}, never null
 * @param methodName the method's name, such as {@code update}; every overload counts; never null. {@link #MANUAL}
 *                   names {@code Reloads.syncPoint()}, which the program calls itself
 */
public record SyncTarget(String binaryName, String methodName) {
    /** {@code sync=manual}: the program calls {@code Reloads.syncPoint()} itself, once per frame. */
    public static final SyncTarget MANUAL = new SyncTarget("dev.reload.agent.api.Reloads", "syncPoint");

    /**
     * {@return the target a {@code sync=} value names}
     *
     * @param key the option's key, for the error
     * @param value the text after {@code sync=}, never null
     * @throws BadOptionException when the value is not a class name, a dot and a method name
     */
    static SyncTarget parse(String key, String value) throws BadOptionException {
        if (value.equals("manual")) {
            return MANUAL;
        }
        int dot = value.lastIndexOf('.');
        if (dot <= 0 || dot == value.length() - 1 || value.startsWith(".") || value.contains("/")
                || !Character.isJavaIdentifierStart(value.charAt(dot + 1))) {
            throw new BadOptionException(key, "option '" + key + "' needs CLASS.METHOD, such as demo.Game.update,"
                    + " or manual (the game calls Reloads.syncPoint()), not '" + value + "'");
        }
        return new SyncTarget(value.substring(0, dot), value.substring(dot + 1));
    }

    /** {@return the class's internal name, as a class file names it} */
    public String internalName() {
        return binaryName.replace('.', '/');
    }

    @Override
    public String toString() {
        return binaryName + "." + methodName;
    }
}

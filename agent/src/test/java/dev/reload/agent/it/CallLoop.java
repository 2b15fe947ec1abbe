package dev.reload.agent.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A fixture program's main for tests that drive it from outside: reads lines {@code call NAME} on standard input,
 * runs the public static method NAME of the class named by the first argument, prints {@code threw: EXCEPTION}
 * when it throws, and ends each command with a line {@code done: COMMAND}; {@code gc} collects garbage, so that
 * unreachable classes are unloaded; {@code redefine DIR} redefines the loaded classes with the changed class files
 * below DIR by a bare {@code redefineClasses} ({@link BareRedefinition}) and prints how many. Prints {@code ready}
 * first.
 */
public final class CallLoop {
    private CallLoop() {
    }

    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        Class<?> main = Class.forName(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("call ")) {
                try {
                    main.getMethod(line.substring("call ".length())).invoke(null);
                } catch (InvocationTargetException e) {
                    System.out.println("threw: " + e.getCause());
                }
            } else if (line.startsWith("redefine ")) {
                Path compiled = Path.of(line.substring("redefine ".length()));
                try {
                    System.out.println("redefined " + BareRedefinition.redefine(compiled));
                } catch (Exception | LinkageError e) {
                    System.out.println("threw: " + e);
                }
            } else if (line.equals("gc")) {
                for (int i = 0; i < 3; i++) {
                    System.gc();
                }
            }
            System.out.println("done: " + line);
        }
    }
}

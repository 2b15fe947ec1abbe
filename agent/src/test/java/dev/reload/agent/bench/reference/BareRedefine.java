package dev.reload.agent.bench.reference;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times bare {@link Instrumentation#redefineClasses} of generated classes, the floor for batches: run in a
 * child JVM started with {@link ReferenceAgent} (no directory, or a transformer that does nothing) and the generated
 * program's v1 classes on the class path. Loads {@code C0 … C(count-1)}, then for each batch size redefines the first
 * classes with v2 and v1 in turn, all bytes read beforehand, and prints {@code bare SIZE NANOS} for each timed call.
 * Untimed calls of a size before its timed ones give the program the history of redefinitions an agent's earlier
 * reloads give it.
 *
 * <p>Arguments: count, the v1 directory, the v2 directory, timed calls per size, untimed calls before them (even),
 * then the sizes.
 */
public final class BareRedefine {
    private BareRedefine() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path[] versions = {Path.of(args[1]), Path.of(args[2])};
        int trials = Integer.parseInt(args[3]);
        int untimed = Integer.parseInt(args[4]);
        Instrumentation instrumentation = ReferenceAgent.instrumentation();
        if (instrumentation == null) {
            throw new IllegalStateException("start with -javaagent: the reference agent jar");
        }
        Class<?>[] types = new Class<?>[count];
        byte[][][] bytes = new byte[2][count][];
        for (int i = 0; i < count; i++) {
            types[i] = Class.forName("fixture.generated.C" + i);
            for (int v = 0; v < 2; v++) {
                bytes[v][i] = Files.readAllBytes(versions[v].resolve("fixture/generated/C" + i + ".class"));
            }
        }
        for (int s = 5; s < args.length; s++) {
            int size = Integer.parseInt(args[s]);
            for (int t = 0; t < untimed + trials; t++) {
                byte[][] next = bytes[(t + 1) % 2]; // v2, v1, v2, …: redefinition costs the same either way
                ClassDefinition[] definitions = new ClassDefinition[size];
                for (int i = 0; i < size; i++) {
                    definitions[i] = new ClassDefinition(types[i], next[i]);
                }
                long start = System.nanoTime();
                instrumentation.redefineClasses(definitions);
                if (t >= untimed) {
                    System.out.println("bare " + size + " " + (System.nanoTime() - start));
                }
            }
        }
        System.out.println("bare done");
    }
}

package dev.reload.agent.watch;

/** Calls a method {@link SampleHeir} inherits. */
final class SampleHeirCaller {
    private SampleHeirCaller() {
    }

    static int call() {
        return SampleHeir.added();
    }
}

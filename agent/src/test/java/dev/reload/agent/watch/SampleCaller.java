package dev.reload.agent.watch;

/** Calls a method of another class, the way a build's first file calls what its second file adds. */
final class SampleCaller {
    private SampleCaller() {
    }

    static int call() {
        return SampleCallee.added();
    }
}

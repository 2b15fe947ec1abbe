package dev.reload.agent.watch;

/** Declares the method {@link SampleCaller} calls. */
class SampleCallee {
    static int added() {
        return 1;
    }
}

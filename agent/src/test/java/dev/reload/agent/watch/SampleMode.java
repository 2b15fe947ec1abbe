package dev.reload.agent.watch;

/** An enum whose running version, as the tests give it, may lack its last constant. */
enum SampleMode {
    A,
    B,
    C
}

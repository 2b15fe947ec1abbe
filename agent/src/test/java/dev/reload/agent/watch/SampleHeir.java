package dev.reload.agent.watch;

/** Inherits {@link SampleCallee#added()}. */
final class SampleHeir extends SampleCallee {
}

package dev.reload.agent.watch;

/** Names the enum, as a switch over it does. */
final class SampleModeUser {
    private SampleModeUser() {
    }

    static SampleMode last() {
        return SampleMode.C;
    }
}

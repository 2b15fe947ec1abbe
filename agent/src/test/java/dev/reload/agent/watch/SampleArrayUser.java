package dev.reload.agent.watch;

/** Uses arrays the way game code does, for {@link BurstReferencesTest}: a copy of a primitive array, a grid of a class of the program. */
final class SampleArrayUser {
    private SampleArrayUser() {
    }

    static int[] copy(int[] values) {
        return values.clone();
    }

    static Object grid() {
        return new SampleCallee[2][2];
    }
}

package dev.reload.agent.structural.other;

import java.lang.invoke.MethodHandles;

/** Watched, in a package of its own: its {@code update(int)} has package access. */
public class PackageEntity {
    @SuppressWarnings("unused") // found by name, as the agent's accessor is
    private static MethodHandles.Lookup $reload$lookup() {
        return MethodHandles.lookup();
    }

    int update(int x) {
        return x;
    }
}

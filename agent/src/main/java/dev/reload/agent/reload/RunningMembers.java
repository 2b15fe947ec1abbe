package dev.reload.agent.reload;

import java.util.List;

/**
 * What a running class declares that a reload without the engine keeps as it is: whether it was prepared at load
 * (it has the accessor, or it is of the agent's own module, which needs none), whether it has the accessor, and its
 * {@code NestMembers}, spares included.
 *
 * @param runningHash the {@code ContentHash} of the class file these facts were taken from or carried to
 * @param prepared true when the class has the accessor or needs none
 * @param accessor true when the class has the accessor, which a new version must keep
 * @param nestMembers the running class's nest members, in order; empty and unused when it was not prepared
 */
record RunningMembers(long runningHash, boolean prepared, boolean accessor, List<String> nestMembers) {
    RunningMembers {
        nestMembers = List.copyOf(nestMembers);
    }

    // equals and hashCode written out: a record's own are linked through java.lang.runtime.ObjectMethods on first
    // use, which spins method-handle classes and compiles their code in the program; the planner compares these on
    // every body-only save.

    @Override
    public boolean equals(Object other) {
        return other instanceof RunningMembers members && runningHash == members.runningHash
                && prepared == members.prepared && accessor == members.accessor
                && nestMembers.equals(members.nestMembers);
    }

    @Override
    public int hashCode() {
        int hash = Long.hashCode(runningHash);
        hash = 31 * hash + Boolean.hashCode(prepared);
        hash = 31 * hash + Boolean.hashCode(accessor);
        return 31 * hash + nestMembers.hashCode();
    }
}

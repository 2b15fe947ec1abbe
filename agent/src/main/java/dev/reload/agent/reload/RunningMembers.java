package dev.reload.agent.reload;

import java.util.List;

/**
 * What a running class declares that a reload without the engine keeps as it is: whether it was prepared at load
 * (it has the accessor), and its {@code NestMembers}, spares included.
 *
 * @param runningHash the {@code ContentHash} of the class file these facts were taken from or carried to
 * @param prepared true when the class has the accessor
 * @param nestMembers the running class's nest members, in order; empty and unused when it was not prepared
 */
record RunningMembers(long runningHash, boolean prepared, List<String> nestMembers) {
    RunningMembers {
        nestMembers = List.copyOf(nestMembers);
    }
}

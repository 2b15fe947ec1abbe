package dev.reload.agent.reload;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RunningMembersTest {
    @Test
    void membersWithEveryFactAlikeAreEqualWithOneHashAndOthersAreNot() {
        RunningMembers members = new RunningMembers(7, true, true, List.of("game/Board$1", "game/Board$2"));
        RunningMembers same = new RunningMembers(7, true, true, new ArrayList<>(members.nestMembers()));
        assertEquals(members, same);
        assertEquals(members.hashCode(), same.hashCode());
        assertNotEquals(members, new RunningMembers(8, true, true, members.nestMembers()));
        assertNotEquals(members, new RunningMembers(7, false, true, members.nestMembers()));
        assertNotEquals(members, new RunningMembers(7, true, false, members.nestMembers()));
        assertNotEquals(members, new RunningMembers(7, true, true, List.of("game/Board$2", "game/Board$1")));
        assertNotEquals(members, "game/Board");
    }
}

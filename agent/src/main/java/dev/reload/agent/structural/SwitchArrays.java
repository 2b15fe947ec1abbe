package dev.reload.agent.structural;

import dev.reload.patcher.shape.SyntheticNames;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * An enum switch's table, from each constant's ordinal to the switch's case (0 for none, the switch's
 * {@code default}), built again once a reload changed the enum's constants: javac's {@code $SwitchMap$pkg$Enum},
 * kotlinc's {@code $EnumSwitchMapping$N}, the Eclipse compiler's {@code $SWITCH_TABLE$pkg$Enum}. The compiler's
 * code sizes it by the enum's {@code values()} as they are now; a constant a reload removed keeps its object and its
 * ordinal, beyond that end, and code that still holds it may reach the switch. So a table never shrinks: the
 * entries past the new end keep their case when the switch's code is the one that filled them, and are 0 when the
 * code is new (its case numbers may mean other cases).
 */
final class SwitchArrays {
    private SwitchArrays() {
    }

    /** {@return whether {@code field} holds an enum switch's table} */
    static boolean isSwitchTable(Field field) {
        String name = field.getName();
        return Modifier.isStatic(field.getModifiers()) && field.getType() == int[].class
                && (name.startsWith(SyntheticNames.SWITCH_MAP_PREFIX)
                        || name.startsWith(SyntheticNames.KOTLIN_SWITCH_MAPPING_PREFIX)
                        || SyntheticNames.isSwitchTable(name));
    }

    /**
     * {@return the table to keep: {@code rebuilt}, made as long as {@code running} when it is shorter}
     *
     * @param running the table the switch has used so far, or null when it has none
     * @param rebuilt the table built for the constants as they are now, or null
     * @param sameCode true when the switch's code is the one that filled {@code running}
     */
    static int[] merged(int[] running, int[] rebuilt, boolean sameCode) {
        if (running == null || rebuilt == null || running.length <= rebuilt.length) {
            return rebuilt;
        }
        int[] merged = Arrays.copyOf(rebuilt, running.length);
        if (sameCode) {
            System.arraycopy(running, rebuilt.length, merged, rebuilt.length, running.length - rebuilt.length);
        }
        return merged;
    }
}

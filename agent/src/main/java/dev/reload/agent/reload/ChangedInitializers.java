package dev.reload.agent.reload;

import dev.reload.patcher.rewrite.InitializerUpdate;

import java.util.Map;

/**
 * What {@link InitializerStep#compare} finds before a batch applies: the changed initializers to run after it, the
 * classes whose compiled code may hold the old values of the final fields among them, and the switch tables over
 * enums whose constants change.
 *
 * @param updates the changed initializers of the batch's classes, by class; never null
 * @param readers the loaded classes naming those final fields, and an enum's switch tables when it gains constants;
 *     never null
 * @param switchTables the switch tables over the enums whose constants change, and their holders; never null
 */
record ChangedInitializers(Map<Class<?>, InitializerUpdate> updates, FieldReaders readers,
                           OutsideSwitchTables.Ahead switchTables) {
    /** Nothing to run after the batch. */
    static final ChangedInitializers NONE = new ChangedInitializers(Map.of(), FieldReaders.NONE,
            OutsideSwitchTables.Ahead.NONE);
}

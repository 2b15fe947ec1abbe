package dev.reload.agent.hook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Tells a class file that may declare an {@code OnReload} hook from one that cannot, by a byte search. Apart from
 * {@link HookMethods} so that it can run on the program's loading threads without loading ASM.
 */
public final class HookMarks {
    /** The end of every descriptor of a hook's annotation, as its constant pool entry spells it (ASCII). */
    private static final byte[] DESCRIPTOR_END = (HookMethods.ANNOTATION_SIMPLE_NAME + ";")
            .getBytes(StandardCharsets.US_ASCII);

    private HookMarks() {
    }

    /** {@return true when the class file may declare a hook of either kind: a byte search, no parsing} */
    public static boolean mayDeclareHooks(byte[] classFile) {
        return contains(classFile, DESCRIPTOR_END);
    }

    /** {@return true when {@code bytes} hold {@code part} somewhere} */
    static boolean contains(byte[] bytes, byte[] part) {
        byte first = part[0];
        for (int i = 0, last = bytes.length - part.length; i <= last; i++) {
            if (bytes[i] == first && Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }
}

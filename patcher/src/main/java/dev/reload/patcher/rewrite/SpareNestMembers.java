package dev.reload.patcher.rewrite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Chooses the spare {@code Outer$N} nest member names a class gets when it first loads. */
final class SpareNestMembers {
    private SpareNestMembers() {
    }

    /**
     * {@return the names {@code host$1 ... host$(highest + spare)} that {@code listed} lacks, in order, where
     * highest is the largest {@code N} among the listed {@code host$N}}
     */
    static List<String> names(String hostInternalName, Collection<String> listed, int spare) {
        // String.concat, not +: this runs inside a class file transformer at the program's start, where the first
        // invokedynamic string concatenation of a shape costs milliseconds of method handle spinning.
        String prefix = hostInternalName.concat("$");
        int highest = 0;
        for (String member : listed) {
            if (member.startsWith(prefix)) {
                highest = Math.max(highest, numberAfter(member, prefix.length()));
            }
        }
        List<String> names = new ArrayList<>();
        for (int n = 1; n <= highest + spare; n++) {
            String name = prefix.concat(Integer.toString(n));
            if (!listed.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** {@return the decimal number that is all of {@code name} from {@code start}, or 0 when it is not one} */
    private static int numberAfter(String name, int start) {
        if (start >= name.length() || name.length() - start > 6) {
            return 0;
        }
        int n = 0;
        for (int i = start; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}

package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;

import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries the methods a reload added and a later version drops into the new companion, with their last bodies:
 * code from before may still call them (a frame that was running, a lambda or anonymous object made earlier), and
 * once their calls link to the new companion, the old one holds nothing alive and is collected, so a game saved
 * a thousand times does not keep a thousand companions.
 */
final class DroppedMethods {
    private final List<AddedMethod> carried = new ArrayList<>();
    private final List<MethodNode> bodies = new ArrayList<>();

    private DroppedMethods() {
    }

    /**
     * {@return the methods of the last companion that the new version neither declares nor moves}
     *
     * @param last what the last rewrite left running, or null for a class never rewritten
     * @param ownerName the class's internal name, never null
     * @param taken the keys the new version declares or moves, never null
     * @param companionMethods the keys (name and descriptor) of the new companion's methods, never null
     */
    static DroppedMethods of(LastRewrite last, String ownerName, Set<MemberKey> taken,
                              Set<MemberKey> companionMethods) {
        DroppedMethods dropped = new DroppedMethods();
        if (last == null || last.companion() == null) {
            return dropped;
        }
        ClassNode previous = ClassFiles.read(last.companion());
        for (AddedMethod method : last.moved()) {
            MemberKey companionKey = new MemberKey(method.companionName(), method.staticDescriptor(ownerName));
            if (!taken.contains(method.key()) && !companionMethods.contains(companionKey)) {
                dropped.carry(previous, method, method.staticDescriptor(ownerName));
            }
        }
        return dropped;
    }

    private void carry(ClassNode previous, AddedMethod method, String descriptor) {
        MethodNode body = find(previous, method.companionName(), descriptor);
        if (body == null) {
            return;
        }
        carried.add(method);
        bodies.add(body);
        // A synchronized method's wrapper calls its body, kept under a name of its own.
        MethodNode locked = find(previous, SynchronizedWrapper.BODY_PREFIX + method.name(), descriptor);
        if (locked != null) {
            bodies.add(locked);
        }
    }

    /** {@return the dropped methods, which stay linked to their carried bodies} */
    List<AddedMethod> methods() {
        return carried;
    }

    /** {@return the keys of the dropped methods} */
    Set<MemberKey> keys() {
        Set<MemberKey> keys = new HashSet<>();
        for (AddedMethod method : carried) {
            keys.add(method.key());
        }
        return Set.copyOf(keys);
    }

    /** Adds the carried bodies, as the last companion had them, to the new companion. */
    void addTo(ClassNode companion) {
        companion.methods.addAll(bodies);
    }

    /** Adds the code hashes of the carried lambda bodies to {@code hashes}, so no later lambda takes their names. */
    void keepLambdaHashes(LastRewrite last, Map<MemberKey, Long> hashes) {
        for (AddedMethod method : carried) {
            Long hash = last.lambdaHashes().get(method.key());
            if (hash != null) {
                hashes.putIfAbsent(method.key(), hash);
            }
        }
    }

    /** {@return true when nothing is carried} */
    boolean isEmpty() {
        return carried.isEmpty();
    }

    private static MethodNode find(ClassNode node, String name, String descriptor) {
        for (MethodNode method : node.methods) {
            if (method.name.equals(name) && method.desc.equals(descriptor)) {
                return method;
            }
        }
        return null;
    }
}

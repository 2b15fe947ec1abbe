package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.ClassShape;
import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.shape.MethodShape;
import dev.reload.patcher.shape.SyntheticNames;
import dev.reload.patcher.shape.UnreadableClassException;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Gives the lambda bodies of a new version the names their identical twins had in the previous version.
 * Compilers number lambdas ({@code lambda$update$N} class-wide in javac 17, per method in javac 25,
 * {@code lambda$N} in ECJ), so inserting one renames others; matched by name alone, an existing lambda object
 * would suddenly run another lambda's body. Matched by descriptor and code, it keeps its own, and a new lambda
 * whose name an old one now holds gets a fresh name (and so moves to the companion).
 */
final class LambdaRenamer {
    private LambdaRenamer() {
    }

    /**
     * Renames, in place, the lambda methods of {@code next} and every handle and call naming them, and
     * {@return the code hashes of its lambda bodies by their final keys, for the next reload to match against}
     *
     * @param before the code hashes of the lambda bodies alive now, by key (name and descriptor), never null
     * @param updated the new version as compiled, never null
     * @param next the tree of {@code updated}, renamed in place
     * @param reserved method keys the fresh names must avoid (the running class's), never null
     */
    static Map<MemberKey, Long> matchByContent(Map<MemberKey, Long> before, byte[] updated, ClassNode next,
                                               Set<MemberKey> reserved) {
        Map<MemberKey, Long> now = lambdaHashes(updated);
        Map<MemberKey, MemberKey> renamed = new HashMap<>();
        Set<MemberKey> claimed = new HashSet<>();
        for (Map.Entry<MemberKey, Long> lambda : now.entrySet()) {
            if (lambda.getValue().equals(before.get(lambda.getKey()))) {
                claimed.add(lambda.getKey());
                renamed.put(lambda.getKey(), lambda.getKey());
            }
        }
        for (Map.Entry<MemberKey, Long> lambda : now.entrySet()) {
            MemberKey twin = renamed.containsKey(lambda.getKey()) ? null : twin(lambda, before, claimed);
            if (twin != null) {
                claimed.add(twin);
                renamed.put(lambda.getKey(), twin);
            }
        }
        Set<MemberKey> taken = new HashSet<>(reserved);
        taken.addAll(before.keySet());
        taken.addAll(now.keySet());
        for (MemberKey key : now.keySet()) {
            if (!renamed.containsKey(key) && claimed.contains(key)) {
                // An old lambda now holds this name: the new body needs another one.
                renamed.put(key, fresh(key, taken));
            }
        }
        Map<MemberKey, Long> after = new LinkedHashMap<>();
        for (Map.Entry<MemberKey, Long> each : now.entrySet()) {
            after.put(renamed.getOrDefault(each.getKey(), each.getKey()), each.getValue());
        }
        apply(next, renamed);
        return after;
    }

    /** {@return the unclaimed previous lambda with the same descriptor and code, or null} */
    private static MemberKey twin(Map.Entry<MemberKey, Long> lambda, Map<MemberKey, Long> before,
                                  Set<MemberKey> claimed) {
        for (Map.Entry<MemberKey, Long> old : before.entrySet()) {
            if (!claimed.contains(old.getKey()) && old.getValue().equals(lambda.getValue())
                    && old.getKey().descriptor().equals(lambda.getKey().descriptor())) {
                return old.getKey();
            }
        }
        return null;
    }

    private static MemberKey fresh(MemberKey key, Set<MemberKey> taken) {
        for (int n = 1; ; n++) {
            MemberKey candidate = new MemberKey(key.name() + "$m" + n, key.descriptor());
            if (taken.add(candidate)) {
                return candidate;
            }
        }
    }

    private static void apply(ClassNode next, Map<MemberKey, MemberKey> renamed) {
        for (Iterator<Map.Entry<MemberKey, MemberKey>> each = renamed.entrySet().iterator(); each.hasNext(); ) {
            Map.Entry<MemberKey, MemberKey> rename = each.next();
            if (rename.getKey().equals(rename.getValue())) {
                each.remove();
            }
        }
        if (renamed.isEmpty()) {
            return;
        }
        for (MethodNode method : next.methods) {
            MemberKey target = renamed.get(ClassFiles.key(method));
            if (target != null) {
                method.name = target.name();
            }
            for (AbstractInsnNode insn : method.instructions) {
                renameReferences(next.name, insn, renamed);
            }
        }
    }

    private static void renameReferences(String owner, AbstractInsnNode insn, Map<MemberKey, MemberKey> renamed) {
        if (insn instanceof InvokeDynamicInsnNode indy) {
            for (int i = 0; i < indy.bsmArgs.length; i++) {
                if (indy.bsmArgs[i] instanceof Handle handle) {
                    indy.bsmArgs[i] = renamed(owner, handle, renamed);
                }
            }
        } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Handle handle) {
            ldc.cst = renamed(owner, handle, renamed);
        } else if (insn instanceof MethodInsnNode call && call.owner.equals(owner)) {
            MemberKey target = renamed.get(new MemberKey(call.name, call.desc));
            call.name = target == null ? call.name : target.name();
        }
    }

    private static Handle renamed(String owner, Handle handle, Map<MemberKey, MemberKey> renamed) {
        MemberKey target = handle.getOwner().equals(owner)
                ? renamed.get(new MemberKey(handle.getName(), handle.getDesc())) : null;
        return target == null ? handle
                : new Handle(handle.getTag(), owner, target.name(), handle.getDesc(), handle.isInterface());
    }

    /** {@return the code hashes of a class file's lambda bodies, by key (name and descriptor)} */
    static Map<MemberKey, Long> lambdaHashes(byte[] classFile) {
        ClassShape shape;
        try {
            shape = ClassShape.read(classFile);
        } catch (UnreadableClassException e) {
            throw new IllegalArgumentException("unreadable class file: " + e.getMessage(), e);
        }
        Map<MemberKey, Long> hashes = new LinkedHashMap<>();
        for (MethodShape method : shape.methods()) {
            if (SyntheticNames.isLambda(method.name())) {
                hashes.put(new MemberKey(method.name(), method.descriptor()), method.codeHash());
            }
        }
        return hashes;
    }
}

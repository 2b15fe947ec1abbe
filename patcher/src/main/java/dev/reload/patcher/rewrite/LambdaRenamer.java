package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.ClassShape;
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
    static Map<String, Long> matchByContent(Map<String, Long> before, byte[] updated, ClassNode next,
                                            Set<String> reserved) {
        Map<String, Long> now = lambdaHashes(updated);
        Map<String, String> renamed = new HashMap<>();
        Set<String> claimed = new HashSet<>();
        for (Map.Entry<String, Long> lambda : now.entrySet()) {
            if (lambda.getValue().equals(before.get(lambda.getKey()))) {
                claimed.add(lambda.getKey());
                renamed.put(lambda.getKey(), lambda.getKey());
            }
        }
        for (Map.Entry<String, Long> lambda : now.entrySet()) {
            String twin = renamed.containsKey(lambda.getKey()) ? null : twin(lambda, before, claimed);
            if (twin != null) {
                claimed.add(twin);
                renamed.put(lambda.getKey(), twin);
            }
        }
        Set<String> taken = new HashSet<>(reserved);
        taken.addAll(before.keySet());
        taken.addAll(now.keySet());
        for (String key : now.keySet()) {
            if (!renamed.containsKey(key) && claimed.contains(key)) {
                // An old lambda now holds this name: the new body needs another one.
                renamed.put(key, fresh(key, taken));
            }
        }
        Map<String, Long> after = new LinkedHashMap<>();
        now.forEach((key, hash) -> after.put(renamed.getOrDefault(key, key), hash));
        apply(next, renamed);
        return after;
    }

    /** {@return the unclaimed previous lambda with the same descriptor and code, or null} */
    private static String twin(Map.Entry<String, Long> lambda, Map<String, Long> before, Set<String> claimed) {
        for (Map.Entry<String, Long> old : before.entrySet()) {
            if (!claimed.contains(old.getKey()) && old.getValue().equals(lambda.getValue())
                    && descriptor(old.getKey()).equals(descriptor(lambda.getKey()))) {
                return old.getKey();
            }
        }
        return null;
    }

    private static String fresh(String key, Set<String> taken) {
        String name = key.substring(0, key.indexOf('('));
        for (int n = 1; ; n++) {
            String candidate = name + "$m" + n + descriptor(key);
            if (taken.add(candidate)) {
                return candidate;
            }
        }
    }

    private static void apply(ClassNode next, Map<String, String> renamed) {
        renamed.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
        if (renamed.isEmpty()) {
            return;
        }
        for (MethodNode method : next.methods) {
            String target = renamed.get(ClassFiles.key(method));
            if (target != null) {
                method.name = name(target);
            }
            for (AbstractInsnNode insn : method.instructions) {
                renameReferences(next.name, insn, renamed);
            }
        }
    }

    private static void renameReferences(String owner, AbstractInsnNode insn, Map<String, String> renamed) {
        if (insn instanceof InvokeDynamicInsnNode indy) {
            for (int i = 0; i < indy.bsmArgs.length; i++) {
                if (indy.bsmArgs[i] instanceof Handle handle) {
                    indy.bsmArgs[i] = renamed(owner, handle, renamed);
                }
            }
        } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Handle handle) {
            ldc.cst = renamed(owner, handle, renamed);
        } else if (insn instanceof MethodInsnNode call && call.owner.equals(owner)) {
            String target = renamed.get(call.name + call.desc);
            call.name = target == null ? call.name : name(target);
        }
    }

    private static Handle renamed(String owner, Handle handle, Map<String, String> renamed) {
        String target = handle.getOwner().equals(owner) ? renamed.get(handle.getName() + handle.getDesc()) : null;
        return target == null ? handle
                : new Handle(handle.getTag(), owner, name(target), handle.getDesc(), handle.isInterface());
    }

    /** {@return the code hashes of a class file's lambda bodies, by key (name and descriptor)} */
    static Map<String, Long> lambdaHashes(byte[] classFile) {
        ClassShape shape;
        try {
            shape = ClassShape.read(classFile);
        } catch (UnreadableClassException e) {
            throw new IllegalArgumentException("unreadable class file: " + e.getMessage(), e);
        }
        Map<String, Long> hashes = new LinkedHashMap<>();
        for (MethodShape method : shape.methods()) {
            if (SyntheticNames.isLambda(method.name())) {
                hashes.put(method.name() + method.descriptor(), method.codeHash());
            }
        }
        return hashes;
    }

    private static String name(String key) {
        return key.substring(0, key.indexOf('('));
    }

    private static String descriptor(String key) {
        return key.substring(key.indexOf('('));
    }
}

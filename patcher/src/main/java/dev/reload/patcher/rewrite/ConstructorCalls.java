package dev.reload.patcher.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Links each {@code new C(...)} of a constructor a reload added to the factory in C's companion: {@code NEW C;
 * DUP; arguments; INVOKESPECIAL C.<init>} becomes {@code ACONST_NULL; DUP; arguments; INVOKEDYNAMIC; SWAP; POP}
 * (without the {@code DUP} and with a {@code POP}, for ECJ's form of an object made and dropped), so the stack
 * holds what it held before at every instruction, with {@code null} where the uninitialized object was; the stack
 * map frames say so too. Nested {@code new}s in the arguments are paired by analysis, not by position.
 */
final class ConstructorCalls {
    private ConstructorCalls() {
    }

    /**
     * Rewrites the method's calls of added constructors in place, and {@return how many it linked}.
     *
     * @param method the method, never null
     * @param ownerInternalName the class whose method it is, never null
     * @param added tells whether a class (internal name) gains a constructor (descriptor) by a reload, never null
     * @param binaryName the class's binary name, for a refusal
     * @param refuse true to refuse a call the runtime cannot link (a constructor calling an added constructor on
     *               its own object under construction); false to leave it as it is, for a class that is not being
     *               edited, where the JVM then throws {@link NoSuchMethodError} when that constructor runs
     * @throws UnsupportedEditException when {@code refuse} and a call cannot be linked
     */
    static int redirect(MethodNode method, String ownerInternalName, BiPredicate<String, String> added,
                        String binaryName, boolean refuse) throws UnsupportedEditException {
        if (!callsAny(method, added)) {
            return 0;
        }
        ObjectSources sources;
        try {
            sources = ObjectSources.of(ownerInternalName, method);
        } catch (AnalyzerException e) {
            if (refuse) {
                throw new UnsupportedEditException(binaryName, describe(method, ownerInternalName), "its code could not be analyzed: " + e.getMessage());
            }
            return 0;
        }
        Map<MethodInsnNode, TypeInsnNode> pairs = new LinkedHashMap<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && isAddedConstructorCall(call, added)) {
                AbstractInsnNode source = sources.receiverSource(call);
                if (source instanceof TypeInsnNode made && made.getOpcode() == Opcodes.NEW
                        && dropsOrDuplicates(sources, call, made)) {
                    pairs.put(call, made);
                } else if (refuse) {
                    throw new UnsupportedEditException(binaryName, describe(method, ownerInternalName),
                            "it calls the constructor "
                            + simpleName(call.owner) + CallSiteRedirector.signatureWords(call.desc)
                            + " that a reload added on an object under construction (this(...) or super(...)),"
                            + " which the JVM allows only for constructors the class had when it loaded");
                }
            }
        }
        pairs.forEach((call, made) -> link(method, call, made));
        return pairs.size();
    }

    private static boolean callsAny(MethodNode method, BiPredicate<String, String> added) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && isAddedConstructorCall(call, added)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAddedConstructorCall(MethodInsnNode call, BiPredicate<String, String> added) {
        return call.getOpcode() == Opcodes.INVOKESPECIAL && call.name.equals(ConstructorFactory.CONSTRUCTOR)
                && added.test(call.owner, call.desc);
    }

    /** {@return true for the object made, then initialized and kept once ({@code DUP}) or dropped (no {@code DUP})} */
    private static boolean dropsOrDuplicates(ObjectSources sources, MethodInsnNode call, TypeInsnNode made) {
        int copies = sources.copiesOnStack(call, made);
        return copies == 1 || (copies == 2 && next(made).getOpcode() == Opcodes.DUP);
    }

    private static void link(MethodNode method, MethodInsnNode call, TypeInsnNode made) {
        boolean kept = next(made).getOpcode() == Opcodes.DUP;
        untypeInFrames(method, labelsOf(made));
        method.instructions.set(made, new InsnNode(Opcodes.ACONST_NULL));
        AbstractInsnNode construction = ConstructorFactory.linkedConstruction(call.owner, call.desc);
        method.instructions.set(call, construction);
        if (kept) {
            method.instructions.insert(construction, new InsnNode(Opcodes.SWAP));
            method.instructions.insert(construction.getNext(), new InsnNode(Opcodes.POP));
        } else {
            method.instructions.insert(construction, new InsnNode(Opcodes.POP));
        }
    }

    /** {@return the labels at the {@code NEW} instruction, by which stack map frames name what it made (JVMS 4.7.4)} */
    private static Set<LabelNode> labelsOf(AbstractInsnNode made) {
        Set<LabelNode> labels = new HashSet<>();
        for (AbstractInsnNode insn = made.getPrevious(); insn != null && insn.getOpcode() < 0; insn = insn.getPrevious()) {
            if (insn instanceof LabelNode label) {
                labels.add(label);
            }
        }
        return labels;
    }

    private static void untypeInFrames(MethodNode method, Set<LabelNode> labels) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FrameNode frame) {
                replace(frame.local, labels);
                replace(frame.stack, labels);
            }
        }
    }

    private static void replace(List<Object> types, Set<LabelNode> labels) {
        if (types != null) {
            types.replaceAll(type -> type instanceof LabelNode label && labels.contains(label) ? Opcodes.NULL : type);
        }
    }

    private static AbstractInsnNode next(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next;
    }

    /** {@return the method in source words: {@code constructor Game(int)}, {@code update(int)}} */
    private static String describe(MethodNode method, String ownerInternalName) {
        String name = method.name.equals(ConstructorFactory.CONSTRUCTOR)
                ? "constructor " + simpleName(ownerInternalName) : method.name;
        return name + CallSiteRedirector.signatureWords(method.desc);
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}

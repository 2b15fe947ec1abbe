package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Compares the initializers of the static fields a class keeps between the version that runs and a new one, so
 * that a changed colour, speed table or {@code List.of(...)} gets its new value while the rest of the static
 * initializer does not run again. Each field's initializer is the statement of the static initializer that ends
 * with its {@code PUTSTATIC} (see {@link InitializerSlice}), or its {@code ConstantValue} (JVMS 4.7.2); its
 * fingerprint is a hash of that code as text, so the same source compiled twice, or the class file the JVM gives
 * back, has the same fingerprint. Enum constants and the compiler's other synthetic fields
 * ({@code $assertionsDisabled}, ECJ's switch tables) are left out: their values are objects other code holds, or
 * set once. Two synthetic kinds are in: an enum's list of its constants ({@code $VALUES}, ECJ's
 * {@code ENUM$VALUES}, kotlinc's {@code $ENTRIES}), whose fingerprint includes the constants' names, so that it is
 * built again when they change
 * (javac's {@code $VALUES = $values()} reads the same whatever the constants); and the arrays of a switch map class
 * (javac's {@code Outer$N}, kotlinc's {@code $WhenMappings}), a class of nothing else whose whole static
 * initializer, free of side effects, runs again into a copy of its fields whenever it changed.
 */
public final class StaticInitializers {
    /** The fingerprint of a field the static initializer does not set. */
    public static final long NO_INITIALIZER = 0L;
    /** Prefix, followed by the field's name, of the value class's method that returns the field's new value. */
    public static final String VALUE_PREFIX = "$reload$value$";
    /** Suffix of the value class, a hidden nestmate of the class, holding the changed initializers. */
    public static final String VALUES_SUFFIX = "$$ReloadValues";
    private static final int LEFT_OUT = Opcodes.ACC_SYNTHETIC | Opcodes.ACC_ENUM;

    private StaticInitializers() {
    }

    /**
     * {@return the fingerprint of each static field's initializer, by the field's key: {@link #NO_INITIALIZER} for
     * one without, and for one set in code that cannot be taken apart, the fingerprint of the whole static
     * initializer}
     *
     * @param classFile the class file, never null
     */
    public static Map<MemberKey, Long> fingerprints(byte[] classFile) {
        return fingerprints(new Slices(ClassFiles.read(classFile)));
    }

    private static Map<MemberKey, Long> fingerprints(Slices slices) {
        Map<MemberKey, Long> fingerprints = new LinkedHashMap<>();
        slices.forEach((field, slice) -> fingerprints.put(new MemberKey(field.name, field.desc), slice.fingerprint()));
        return fingerprints;
    }

    /**
     * {@return the static fields whose initializer differs from the running one, with the class that gives their
     * new values}: fields the running version does not declare are added fields, named here (as
     * {@link InitializerUpdate#added()}) only beside a field whose initializer changed, so that their initializers run
     * in the static initializer's order with the changed ones: an added field whose initializer reads a changed one
     * gets the value made from its new value, and a changed initializer reading an added field reads the added
     * field's value
     *
     * @param running the fingerprints of the running version ({@link #fingerprints}), never null
     * @param updated the new class file, never null
     */
    public static InitializerUpdate compare(Map<MemberKey, Long> running, byte[] updated) {
        ClassNode next = ClassFiles.read(updated);
        Slices slices = new Slices(next);
        boolean anyChanged = false;
        for (Map.Entry<MemberKey, Long> each : fingerprints(slices).entrySet()) {
            anyChanged |= changed(running.get(each.getKey()), each.getValue());
        }
        boolean withAdded = anyChanged;
        return update(next, slices, false, (key, fingerprint) -> changed(running.get(key), fingerprint)
                || (withAdded && added(running.get(key), fingerprint)), key -> !running.containsKey(key));
    }

    /** {@return true when a field the running version declares has a new initializer to run} */
    private static boolean changed(Long before, long fingerprint) {
        // Unchanged, or its initializer removed: the field keeps the value it has.
        return before != null && before != fingerprint && fingerprint != NO_INITIALIZER;
    }

    /** {@return true when a field the running version does not declare has an initializer} */
    private static boolean added(Long before, long fingerprint) {
        return before == null && fingerprint != NO_INITIALIZER;
    }

    /**
     * {@return every array of a switch map class (javac's {@code Outer$N}, kotlinc's {@code Outer$WhenMappings}) with
     * the class that builds them again, or an empty update for a class of another kind}: the class's code is the
     * same, but an enum it maps has new constants, and its arrays are sized by the enum's old {@code values()}
     *
     * @param running the class file the class runs, never null
     */
    public static InitializerUpdate rebuildSwitchMaps(byte[] running) {
        ClassNode node = ClassFiles.read(running);
        return update(node, new Slices(node), true, (key, fingerprint) -> true, key -> false);
    }

    private static InitializerUpdate update(ClassNode next, Slices slices, boolean switchMapsOnly,
                                            BiPredicate<MemberKey, Long> rerun, Predicate<MemberKey> isAdded) {
        Map<MemberKey, Long> fingerprints = new LinkedHashMap<>();
        List<MemberKey> changed = new ArrayList<>();
        List<MemberKey> added = new ArrayList<>();
        List<MemberKey> inseparable = new ArrayList<>();
        ClassNode values = valueClass(next);
        slices.forEach((field, slice) -> {
            MemberKey key = new MemberKey(field.name, field.desc);
            fingerprints.put(key, slice.fingerprint());
            if ((switchMapsOnly && !slices.switchMaps) || !rerun.test(key, slice.fingerprint())) {
                return;
            }
            MethodNode method = slice.valueMethod(VALUE_PREFIX + field.name);
            if (method != null) {
                values.methods.add(method);
                changed.add(key);
                if (isAdded.test(key)) {
                    added.add(key);
                }
            } else if (!isAdded.test(key)) {
                inseparable.add(key); // an added field's is named by the engine, which leaves the field at its default
            }
        });
        if (slices.switchMaps && !changed.isEmpty()) {
            SwitchMapCopy.addTo(values, next);
        }
        byte[] valueClass = changed.isEmpty() ? null : ClassFiles.write(values, false);
        return new InitializerUpdate(next.name, valueClass, changed, added, inseparable, fingerprints);
    }

    private static ClassNode valueClass(ClassNode next) {
        ClassNode values = new ClassNode();
        values.version = Math.max(next.version & 0xFFFF, Opcodes.V11);
        values.access = Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC;
        values.name = next.name + VALUES_SUFFIX;
        values.superName = "java/lang/Object";
        values.sourceFile = next.sourceFile;
        return values;
    }

    /** What sets one static field: its constant, a statement of the static initializer, or code not taken apart. */
    private record Slice(long fingerprint, FieldNode field, MethodNode clinit, AbstractInsnNode[] insns, int start,
                         int end, String copyOwner) {
        Slice(long fingerprint, FieldNode field, MethodNode clinit, AbstractInsnNode[] insns, int start, int end) {
            this(fingerprint, field, clinit, insns, start, end, null);
        }

        /** {@return a static method returning the field's new value; null when it cannot be taken apart} */
        MethodNode valueMethod(String name) {
            Type type = Type.getType(field.desc);
            MethodNode method = new MethodNode(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name, "()" + field.desc,
                    null, null);
            if (copyOwner != null) {
                // The value class's own static initializer, a copy of the class's, set its field of this name.
                method.instructions.add(new FieldInsnNode(Opcodes.GETSTATIC, copyOwner, field.name, field.desc));
                method.maxStack = type.getSize();
            } else if (field.value != null) {
                method.instructions.add(new LdcInsnNode(field.value));
                method.maxStack = type.getSize();
            } else if (start >= 0) {
                FieldInitializers.copyInto(method, clinit, insns, start, end - 1);
            } else {
                return null;
            }
            method.instructions.add(new InsnNode(type.getOpcode(Opcodes.IRETURN)));
            return method;
        }
    }

    /** The initializer of each static field a class keeps, found once for all of them. */
    private static final class Slices {
        private final ClassNode node;
        private final Map<FieldNode, Slice> slices = new LinkedHashMap<>();
        /** Whether the class is a switch map class, whose static initializer runs again whole. */
        final boolean switchMaps;

        Slices(ClassNode node) {
            this.node = node;
            MethodNode clinit = node.methods.stream().filter(m -> m.name.equals("<clinit>")).findFirst()
                    .orElse(null);
            switchMaps = clinit != null && SwitchMapCopy.isSwitchMapClass(node);
            if (switchMaps) {
                long whole = InstructionText.hash(clinit.instructions.toArray(), 0, clinit.instructions.size() - 1);
                for (FieldNode field : node.fields) {
                    slices.put(field, new Slice(whole, field, clinit, null, -1, -1,
                            node.name + VALUES_SUFFIX));
                }
                return;
            }
            for (FieldNode field : node.fields) {
                if ((field.access & Opcodes.ACC_STATIC) != 0
                        && ((field.access & LEFT_OUT) == 0 || EnumConstants.listsConstants(node, field))) {
                    slices.put(field, field.value != null
                            ? new Slice(InstructionText.hash("constant " + field.value), field, null, null, -1, -1)
                            : new Slice(NO_INITIALIZER, field, null, null, -1, -1));
                }
            }
            if (clinit != null) {
                slice(clinit);
            }
            slices.replaceAll((field, slice) -> EnumConstants.listsConstants(node, field) ? new Slice(
                    InstructionText.hash(slice.fingerprint() + " of " + EnumConstants.names(node)), field,
                    slice.clinit(), slice.insns(), slice.start(), slice.end()) : slice);
        }

        void forEach(java.util.function.BiConsumer<FieldNode, Slice> action) {
            slices.forEach(action);
        }

        private void slice(MethodNode clinit) {
            AbstractInsnNode[] insns = clinit.instructions.toArray();
            InitializerSlice finder = finder(clinit);
            long whole = InstructionText.hash(insns, 0, insns.length - 1);
            for (int p = 0; p < insns.length; p++) {
                if (!(insns[p] instanceof FieldInsnNode put) || put.getOpcode() != Opcodes.PUTSTATIC
                        || !put.owner.equals(node.name)) {
                    continue;
                }
                FieldNode field = declared(put);
                if (field == null || field.value != null) {
                    continue;
                }
                boolean first = slices.get(field).fingerprint() == NO_INITIALIZER;
                int start = first && finder != null ? finder.startOf(p) : -1;
                slices.put(field, start >= 0
                        ? new Slice(InstructionText.hash(insns, start, p), field, clinit, insns, start, p)
                        : new Slice(whole, field, clinit, insns, -1, -1));
            }
        }

        private FieldNode declared(FieldInsnNode put) {
            for (FieldNode field : slices.keySet()) {
                if (field.name.equals(put.name) && field.desc.equals(put.desc)) {
                    return field;
                }
            }
            return null;
        }

        private InitializerSlice finder(MethodNode clinit) {
            try {
                Frame<BasicValue>[] frames = new Analyzer<>(new BasicInterpreter()).analyze(node.name, clinit);
                return new InitializerSlice(clinit, frames);
            } catch (AnalyzerException e) {
                return null; // every field it sets counts as not taken apart
            }
        }
    }
}

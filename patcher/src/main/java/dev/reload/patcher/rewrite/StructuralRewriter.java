package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a new version of a class, which adds or removes methods, into what a stock JVM accepts: the class
 * redefined with exactly the running class's declared members, and a companion holding the methods the
 * running class lacks. A method the new version no longer declares keeps running its last body (one a reload
 * added is carried into the new companion): the JVM will not let it go, and code from before may still call it (the frame that was running when the reload landed,
 * lambda and anonymous objects made earlier, stale call sites), so nothing a reload does throws into the
 * program. Added fields live in the runtime's storage, and every read and write of them goes there; removed
 * fields stay.
 */
public final class StructuralRewriter {
    private StructuralRewriter() {
    }

    /**
     * {@return the rewrite of {@code updated} against the running class}
     *
     * @param running the class file as the JVM runs it now (after load-time augmentation and any earlier
     *                rewrite), never null
     * @param updated the new class file as compiled, never null
     * @param elsewhere which methods of other classes are moved, so calls to them are linked too; never null
     * @throws UnsupportedEditException when the edit changes what cannot be rewritten (supertypes, modifiers,
     *                                  field types), naming the class, the member and the reason
     */
    public static StructuralRewrite rewrite(byte[] running, byte[] updated, MovedMembers elsewhere)
            throws UnsupportedEditException {
        return rewrite(running, null, updated, elsewhere);
    }

    /**
     * {@return the rewrite of {@code updated} against the running class, its lambda bodies matched by content to
     * those alive now}
     *
     * @param running the class file as the JVM runs it now, never null
     * @param last what the last rewrite of this class left running ({@link StructuralRewrite#leftRunning()}); null
     *             for a class never rewritten, whose lambda bodies are then read from {@code running}
     * @param updated the new class file as compiled, never null
     * @param elsewhere which methods of other classes are moved, never null
     * @throws UnsupportedEditException when the edit changes what cannot be rewritten
     */
    public static StructuralRewrite rewrite(byte[] running, LastRewrite last, byte[] updated,
                                            MovedMembers elsewhere)
            throws UnsupportedEditException {
        return rewrite(running, last, updated, elsewhere, Set.of());
    }

    /**
     * {@return the rewrite of {@code updated} against the running class, calls to the added overrides left
     * virtual}
     *
     * @param running the class file as the JVM runs it now, never null
     * @param last what the last rewrite of this class left running, or null
     * @param updated the new class file as compiled, never null
     * @param elsewhere which methods of other classes are moved, never null
     * @param overrides the moved methods that override a superclass's declaration made to dispatch on the
     *                  receiver's class: a call to one stays virtual and reaches it through that dispatch, so a
     *                  subclass's own override is chosen for its objects; never null
     * @throws UnsupportedEditException when the edit changes what cannot be rewritten
     */
    public static StructuralRewrite rewrite(byte[] running, LastRewrite last, byte[] updated,
                                            MovedMembers elsewhere, Set<MemberKey> overrides)
            throws UnsupportedEditException {
        Objects.requireNonNull(elsewhere, "elsewhere");
        ClassNode run = ClassFiles.read(running);
        ClassNode next = ClassFiles.read(updated);
        String binaryName = ClassFiles.binaryName(run.name);
        SwitchTables.uncacheAdded(run, next);
        HeaderCheck.check(run, next, binaryName);
        EnumValuesAtOnce.addTo(run, next);
        Map<MemberKey, MethodNode> runningMethods = byKey(run.methods);
        Map<MemberKey, Long> lambdaHashes = new HashMap<>(LambdaRenamer.matchByContent(
                last == null ? LambdaRenamer.lambdaHashes(running) : last.lambdaHashes(),
                updated, next, runningMethods.keySet()));

        Map<MemberKey, AddedMethod> moved = new LinkedHashMap<>();
        List<MethodNode> movedNodes = new ArrayList<>();
        Map<MemberKey, MethodNode> kept = new LinkedHashMap<>();
        for (MethodNode method : next.methods) {
            MethodNode old = runningMethods.get(ClassFiles.key(method));
            ModifierEdit edit = old == null ? ModifierEdit.MOVE : ModifierEdit.of(old, method, binaryName);
            if (edit != ModifierEdit.MOVE) {
                method.access = old.access; // the JVM keeps a declared method's modifiers
                kept.put(ClassFiles.key(method), method);
            } else if (method.name.equals("<clinit>")) {
                // The class is initialized already: a static initializer it gains, like a changed one, is not run.
            } else {
                if (AddedInterfaceMethods.movesWithoutBody(next, method)) {
                    AddedInterfaceMethods.giveThrowingBody(method, binaryName);
                }
                MovableCheck.check(method, binaryName);
                moved.put(new MemberKey(method.name, method.desc),
                        AddedMethod.of(method.name, method.desc, method.access));
                movedNodes.add(method);
            }
        }
        MovableCheck.requireDistinctCompanionMethods(moved.values(), run.name, binaryName);
        ConstructorFactory.rewriteAll(movedNodes, run, next);
        List<AddedField> addedFields = AddedFieldsOf.find(run, next);
        Set<MemberKey> addedKeys = fieldKeys(addedFields);
        AddedFieldsOf.checkConstructors(next, addedKeys, binaryName);
        Map<MemberKey, MethodNode> initializers = FieldInitializers.extract(next, addedFields);

        boolean isInterface = (run.access & Opcodes.ACC_INTERFACE) != 0;
        Map<MemberKey, AddedMethod> linkedMoves = new LinkedHashMap<>(moved);
        linkedMoves.keySet().removeAll(overrides);
        CallSiteRedirector redirector = new CallSiteRedirector(run.name, isInterface, linkedMoves, addedKeys,
                elsewhere);
        List<MethodNode> targetMethods = new ArrayList<>();
        for (MethodNode old : run.methods) {
            MethodNode replacement = kept.get(ClassFiles.key(old));
            if (replacement != null) {
                redirector.redirect(replacement, false, binaryName);
                targetMethods.add(replacement);
            } else {
                // Removed: the load-time accessor, members other agents added, lambda bodies and helpers alike.
                targetMethods.add(old);
            }
        }
        for (MethodNode initializer : initializers.values()) {
            if (initializer != null) {
                movedNodes.add(initializer);
            }
        }
        ClassNode companion = CompanionBuilder.build(next, movedNodes, redirector);
        DroppedMethods dropped = DroppedMethods.of(last, run.name, byKey(next.methods).keySet(),
                byKey(companion.methods).keySet());
        dropped.addTo(companion);
        dropped.keepLambdaHashes(last, lambdaHashes);
        List<AddedMethod> companionMethods = new ArrayList<>(moved.values());
        companionMethods.addAll(dropped.methods());
        return new StructuralRewrite(run.name, ClassFiles.write(target(run, next, targetMethods), false),
                movedNodes.isEmpty() && dropped.isEmpty() ? null : ClassFiles.write(companion, false),
                companionMethods, dropped.keys(), addedFields, separable(initializers, true),
                separable(initializers, false), lambdaHashes);
    }

    /**
     * {@return the methods the new version declares and the running class lacks: what a rewrite would move}
     *
     * @param running the class file as the JVM runs it now, never null
     * @param updated the new class file, never null
     */
    public static List<AddedMethod> movedMethods(byte[] running, byte[] updated) {
        return methodsEditedAs(EnumSet.of(ModifierEdit.MOVE), running, updated);
    }

    /**
     * {@return the instance methods the new version makes protected or public, from package access, or public,
     * from protected: they stay in place with their running access, and calls from other classes link through the
     * runtime}
     *
     * @param running the class file as the JVM runs it now, never null
     * @param updated the new class file, never null
     */
    public static List<AddedMethod> widenedMethods(byte[] running, byte[] updated) {
        return methodsEditedAs(EnumSet.of(ModifierEdit.WIDEN, ModifierEdit.WIDEN_PACKAGE), running, updated);
    }

    /**
     * {@return the instance methods the new version makes protected or public from package access}: the running
     * declaration keeps package access, so it must dispatch to what subclasses in other packages declare
     *
     * @param running the class file as the JVM runs it now, never null
     * @param updated the new class file, never null
     */
    public static List<AddedMethod> widenedFromPackage(byte[] running, byte[] updated) {
        return methodsEditedAs(EnumSet.of(ModifierEdit.WIDEN_PACKAGE), running, updated);
    }

    /** {@return the methods of the new version that a rewrite applies as one of {@code kinds}; one it lacks moves} */
    private static List<AddedMethod> methodsEditedAs(Set<ModifierEdit> kinds, byte[] running, byte[] updated) {
        ClassNode run = ClassFiles.readDeclarations(running);
        Map<MemberKey, MethodNode> runningMethods = byKey(run.methods);
        List<AddedMethod> methods = new ArrayList<>();
        for (MethodNode method : ClassFiles.readDeclarations(updated).methods) {
            MethodNode old = runningMethods.get(ClassFiles.key(method));
            if (kinds.contains(old == null ? ModifierEdit.MOVE : editOrNull(old, method, run.name))) {
                methods.add(AddedMethod.of(method.name, method.desc, method.access));
            }
        }
        return methods;
    }

    private static ModifierEdit editOrNull(MethodNode old, MethodNode method, String internalName) {
        try {
            return ModifierEdit.of(old, method, ClassFiles.binaryName(internalName));
        } catch (UnsupportedEditException e) {
            return null; // refused when the class itself is rewritten
        }
    }

    /**
     * {@return the fields the new version declares and the running class lacks: what a rewrite keeps in the
     * runtime's storage}
     *
     * @param running the class file as the JVM runs it now, never null
     * @param updated the new class file, never null
     */
    public static List<AddedField> addedFields(byte[] running, byte[] updated) {
        return AddedFieldsOf.find(ClassFiles.readDeclarations(running), ClassFiles.readDeclarations(updated));
    }

    /**
     * {@return the class file with its calls to moved methods of other classes linked through the runtime, or
     * the very same array when it calls none}: for a class whose own edit is body-only, or that loads after
     * a reload moved methods it calls
     *
     * @param classFile the class file, never null
     * @param elsewhere which methods of other classes are moved, never null
     */
    public static byte[] redirectCalls(byte[] classFile, MovedMembers elsewhere) {
        ClassNode node = ClassFiles.read(classFile);
        CallSiteRedirector redirector = new CallSiteRedirector(node.name,
                (node.access & Opcodes.ACC_INTERFACE) != 0, Map.of(), Set.of(), elsewhere);
        boolean changed = false;
        for (MethodNode method : node.methods) {
            changed |= redirector.redirectOutsideCompanion(method);
        }
        return changed ? ClassFiles.write(node, false) : classFile;
    }

    /** The new version's class with the running class's header, nest, fields and method list. */
    private static ClassNode target(ClassNode run, ClassNode next, List<MethodNode> methods) {
        next.access = run.access;
        next.nestHostClass = run.nestHostClass;
        next.nestMembers = run.nestMembers;
        next.permittedSubclasses = run.permittedSubclasses;
        next.recordComponents = run.recordComponents;
        next.fields = new ArrayList<>(run.fields);
        next.methods = methods;
        return next;
    }

    private static List<MemberKey> separable(Map<MemberKey, MethodNode> initializers, boolean separable) {
        List<MemberKey> keys = new ArrayList<>();
        for (Map.Entry<MemberKey, MethodNode> each : initializers.entrySet()) {
            if ((each.getValue() != null) == separable) {
                keys.add(each.getKey());
            }
        }
        return List.copyOf(keys);
    }

    private static Set<MemberKey> fieldKeys(List<AddedField> fields) {
        Set<MemberKey> keys = new HashSet<>();
        for (AddedField field : fields) {
            keys.add(field.key());
        }
        return keys;
    }

    private static Map<MemberKey, MethodNode> byKey(List<MethodNode> methods) {
        Map<MemberKey, MethodNode> byKey = new LinkedHashMap<>();
        for (MethodNode method : methods) {
            byKey.put(ClassFiles.key(method), method);
        }
        return byKey;
    }

    /** {@return the running field a new field must match, or null when the running class has none by that name} */
    static FieldNode runningField(ClassNode run, String name) {
        for (FieldNode field : run.fields) {
            if (field.name.equals(name)) {
                return field;
            }
        }
        return null;
    }
}

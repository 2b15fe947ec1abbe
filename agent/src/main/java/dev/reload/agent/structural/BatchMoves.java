package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.AddedInterfaceMethods;
import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.InheritedImplementation;
import dev.reload.patcher.rewrite.MovedMembers;
import dev.reload.patcher.rewrite.StructuralRewriter;
import dev.reload.patcher.rewrite.UnsupportedEditException;
import dev.reload.patcher.shape.MemberKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static dev.reload.agent.structural.AppliedMoves.keys;

/**
 * What one structural batch moves out of its classes, and how calls reach each moved method: linked through the
 * runtime, or through the dispatch of the method it overrides or implements, never linked directly. Made by
 * {@link StructuralEngine#prepare} before anything touches the runtime; loops, not streams or lambdas, since each
 * would spin a class at the first structural edit that every later redefinition walks.
 */
final class BatchMoves {
    private final RunningClasses running;
    /** The methods each class of the batch moves to its companion, by class. */
    private final Map<Class<?>, List<AddedMethod>> declared = new HashMap<>();
    /** What calls link to through the runtime, by internal name: applied reloads', then the batch's. */
    private final Map<String, Set<MemberKey>> moves;
    private final Map<String, Set<MemberKey>> widened;
    private final Map<Class<?>, Set<MemberKey>> widenedFromPackage = new LinkedHashMap<>();
    private final Map<ClassEdit, Map<MemberKey, Class<?>>> overrides = new HashMap<>();
    private final Map<ClassEdit, Set<MemberKey>> unlinked = new HashMap<>();
    private final Map<ClassEdit, List<InheritedImplementation>> implementing = new HashMap<>();
    private final Function<Class<?>, Set<MemberKey>> addedByReloads;

    /**
     * Reads what each edit moves and follows each moved method to how calls reach it.
     *
     * @param edits the classes of the batch, never null
     * @param records what applied reloads moved, never null
     * @param running the watched classes as they run, never null
     * @throws UnsupportedEditException naming the first added method that overrides what no dispatch can reach
     */
    BatchMoves(List<ClassEdit> edits, AppliedMoves records, RunningClasses running) throws UnsupportedEditException {
        this.running = running;
        this.moves = new HashMap<>(records.moved());
        this.widened = new HashMap<>(records.widened());
        for (ClassEdit edit : edits) {
            read(edit);
        }
        this.addedByReloads = records.addedByReloads(declared);
        for (ClassEdit edit : edits) {
            route(edit);
        }
    }

    private void read(ClassEdit edit) {
        declared.put(edit.loaded(), StructuralRewriter.movedMethods(edit.running(), edit.updated()));
        // A protected or public method kept in place: calls from other classes link to it, so do super calls.
        widened.put(edit.internalName(), keys(StructuralRewriter.widenedMethods(edit.running(), edit.updated()),
                List.of()));
        Set<MemberKey> fromPackage = keys(StructuralRewriter.widenedFromPackage(edit.running(), edit.updated()),
                List.of());
        if (!fromPackage.isEmpty()) {
            widenedFromPackage.put(edit.loaded(), fromPackage);
        }
    }

    private void route(ClassEdit edit) throws UnsupportedEditException {
        List<AddedMethod> moved = declared.get(edit.loaded());
        ClassLoader loader = edit.loaded().getClassLoader();
        Map<MemberKey, Class<?>> overriding = AddedOverrides.declarers(edit.loaded(), moved,
                view(Map.of(), loader), running);
        overrides.put(edit, overriding);
        // An added override is reached through the dispatch of what it overrides, never linked directly; so is
        // an implementation of a method a reload adds to an interface, through the interface's dispatch, and an
        // override of a method a reload added to a superclass, through that method's dispatch.
        Set<MemberKey> byDispatch = new HashSet<>(overriding.keySet());
        byDispatch.addAll(AddedOverrides.implementations(edit.loaded(), moved, addedByReloads).keySet());
        Set<MemberKey> overridingAdded = MovedOverrides.declarers(edit.loaded(), moved, addedByReloads).keySet();
        byDispatch.addAll(overridingAdded);
        unlinked.put(edit, byDispatch);
        // An implementation of an inherited abstract method is linked, and dispatches to the subclasses' own.
        implementing.put(edit, AbstractImplementations.of(edit.loaded(), moved, overridingAdded,
                view(Map.of(), loader), edit.updated()));
        List<AddedMethod> linked = new ArrayList<>();
        for (AddedMethod method : moved) {
            if (!byDispatch.contains(method.key())) {
                linked.add(method);
            }
        }
        Set<MemberKey> linkedOrWidened = new HashSet<>(keys(linked, StructuralRewriter.addedFields(edit.running(),
                edit.updated())));
        linkedOrWidened.addAll(widened.get(edit.internalName()));
        moves.put(edit.internalName(), Set.copyOf(linkedOrWidened));
    }

    /**
     * Refuses the batch when it adds an abstract method to an interface that a loaded class implementing it would
     * lack, and registers the implementations earlier reloads added to classes the batch leaves alone.
     */
    void checkImplementations(List<ClassEdit> edits, AppliedMoves records, LoadedClasses loadedClasses)
            throws UnsupportedEditException {
        Map<Class<?>, Set<MemberKey>> addedByBatch = new HashMap<>();
        for (Map.Entry<Class<?>, List<AddedMethod>> each : declared.entrySet()) {
            addedByBatch.put(each.getKey(), keys(each.getValue(), List.of()));
        }
        for (ClassEdit edit : edits) {
            Class<?> type = edit.loaded();
            if (!type.isInterface()) {
                continue;
            }
            Set<MemberKey> before = records.interfaceMethods(type);
            List<AddedMethod> fresh = new ArrayList<>();
            for (AddedMethod method : declared.get(type)) {
                if (method.overridable() && !before.contains(method.key())) {
                    fresh.add(method);
                }
            }
            if (!fresh.isEmpty()) {
                AddedToInterfaces.checkImplementations(type, fresh,
                        AddedInterfaceMethods.abstractOnes(edit.running(), edit.updated()), addedByBatch,
                        loadedClasses.get());
            }
        }
    }

    /**
     * {@return the methods to make dispatch on the receiver's class, by declaring class}: those the batch's added
     * overrides override, and each method widened from package access, which then dispatches to what subclasses
     * in other packages declare, loaded now or later, which its running access does not let override it
     */
    Map<Class<?>, Set<MemberKey>> toDispatch() {
        Map<Class<?>, Set<MemberKey>> byDeclarer = new LinkedHashMap<>();
        for (Map<MemberKey, Class<?>> each : overrides.values()) {
            for (Map.Entry<MemberKey, Class<?>> override : each.entrySet()) {
                byDeclarer.computeIfAbsent(override.getValue(), MovedOverrides.NEW_SET).add(override.getKey());
            }
        }
        for (Map.Entry<Class<?>, Set<MemberKey>> each : widenedFromPackage.entrySet()) {
            byDeclarer.computeIfAbsent(each.getKey(), MovedOverrides.NEW_SET).addAll(each.getValue());
        }
        return byDeclarer;
    }

    /** {@return the moved methods and added fields of applied reloads and the batch, as {@code loader} sees them} */
    MovedMembers view(ClassLoader loader) {
        return view(moves, loader);
    }

    private MovedMembers view(Map<String, Set<MemberKey>> linked, ClassLoader loader) {
        return new InheritedMoves(linked, widened, running, loader);
    }

    /** {@return the methods each class of the batch moves, by class} */
    Map<Class<?>, List<AddedMethod>> declared() {
        return declared;
    }

    /** {@return the methods the edit moves that calls reach by a dispatch, never linked directly} */
    Set<MemberKey> unlinked(ClassEdit edit) {
        return unlinked.get(edit);
    }

    /** {@return {@link #unlinked} of every edit} */
    Map<ClassEdit, Set<MemberKey>> unlinkedByEdit() {
        return unlinked;
    }

    /** {@return the implementations of inherited abstract methods the edit gives its subclasses} */
    List<InheritedImplementation> implementing(ClassEdit edit) {
        return implementing.get(edit);
    }

    /** {@return the overridable methods reloads added to each class, by earlier batches or by this one} */
    Function<Class<?>, Set<MemberKey>> addedByReloads() {
        return addedByReloads;
    }
}

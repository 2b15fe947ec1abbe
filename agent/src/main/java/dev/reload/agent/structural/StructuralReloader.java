package dev.reload.agent.structural;

import dev.reload.patcher.shape.MemberKey;
import dev.reload.patcher.rewrite.AddedField;
import dev.reload.patcher.rewrite.BridgeBuilder;
import dev.reload.patcher.rewrite.DispatchingDeclarations;
import dev.reload.patcher.rewrite.LastRewrite;
import dev.reload.patcher.rewrite.MovedMembers;
import dev.reload.patcher.rewrite.AddedMethod;
import dev.reload.patcher.rewrite.RuntimeNames;
import dev.reload.patcher.rewrite.StructuralRewrite;
import dev.reload.patcher.rewrite.StructuralRewriter;
import dev.reload.patcher.rewrite.UnsupportedEditException;
import dev.reload.runtime.AddedFields;
import dev.reload.runtime.ClassLinks;

import java.lang.instrument.ClassDefinition;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies structural edits (methods added, removed, lambdas added, fields added) to loaded classes on a stock JVM:
 * rewrites
 * the new class file with the patcher, defines the companion as a hidden nestmate through the class's own
 * lookup, defines bridges for lambdas, and stages the links. The runtime classes must be on the boot class
 * path before an edit that moves methods ({@link RuntimeJar#install}). Stateless apart from what it records in
 * {@link ClassLinks}.
 */
public final class StructuralReloader {
    private final RunningClasses runningClasses;

    /** @param runningClasses the watched classes as they run, which tell a watched class without the accessor */
    StructuralReloader(RunningClasses runningClasses) {
        this.runningClasses = runningClasses;
    }

    /**
     * {@return the edit, prepared: its companion and bridges defined, its added methods linkable}
     *
     * @param loaded the class as loaded now, never null
     * @param running the class file it runs now (after load-time augmentation and earlier rewrites), never null
     * @param last what the class's last rewrite left running ({@link StructuralRewrite#leftRunning()}), or null
     *             when it was never rewritten
     * @param updated the new class file as compiled, never null
     * @param elsewhere which methods of other classes in the batch, or moved before, are moved; never null
     * @throws UnsupportedEditException when the edit cannot be applied on this JVM; nothing was defined
     * @throws StructuralLinkException when the JVM refused the companion or the bridges
     */
    public PreparedRewrite prepare(Class<?> loaded, byte[] running, LastRewrite last, byte[] updated,
                                   MovedMembers elsewhere) throws UnsupportedEditException, StructuralLinkException {
        // Without the engine nothing makes an overridden declaration dispatch: such an override would not take.
        List<AddedMethod> moved = StructuralRewriter.movedMethods(running, updated);
        Map<MemberKey, Class<?>> overrides = AddedOverrides.declarers(loaded, moved, elsewhere, runningClasses);
        if (!overrides.isEmpty()) {
            Map.Entry<MemberKey, Class<?>> first = overrides.entrySet().iterator().next();
            throw new UnsupportedEditException(loaded.getName(), "method added: " + first.getKey().name(),
                    "it overrides a method of " + first.getValue().getName() + ", which only the structural"
                            + " engine makes dispatch to it");
        }
        List<AddedMethod> implementing = AddedOverrides.abstractImplementations(loaded, moved, elsewhere);
        if (!implementing.isEmpty()) {
            // Nor does anything give it to the subclasses that load later.
            throw new UnsupportedEditException(loaded.getName(), "method added: " + implementing.get(0).name(),
                    "it implements an inherited abstract method, which only the structural engine makes"
                            + " subclasses loaded later inherit");
        }
        return prepare(loaded, running, last, updated, elsewhere, Set.of(), Set.of(), type -> Set.of());
    }

    /**
     * {@return the edit, prepared, with its added overrides reached through the dispatch of what they override
     * and its dispatching methods made to dispatch again}
     *
     * @param loaded the class as loaded now, never null
     * @param running the class file it runs now, never null
     * @param last what the class's last rewrite left running, or null
     * @param updated the new class file as compiled, never null
     * @param elsewhere which methods of other classes in the batch, or moved before, are moved; never null
     * @param overrides the methods the new version adds that override a dispatching superclass declaration
     *                  ({@link AddedOverrides}) or implement a method a reload added to an interface, never null
     * @param dispatching the class's methods that dispatch on the receiver's class, never null
     * @param addedByReloads the overridable methods reloads added to each interface and class, this batch's
     *                       included, never null
     * @throws UnsupportedEditException when the edit cannot be applied on this JVM; nothing was defined
     * @throws StructuralLinkException when the JVM refused the companion or the bridges
     */
    public PreparedRewrite prepare(Class<?> loaded, byte[] running, LastRewrite last, byte[] updated,
                                   MovedMembers elsewhere, Set<MemberKey> overrides, Set<MemberKey> dispatching,
                                   Function<Class<?>, Set<MemberKey>> addedByReloads)
            throws UnsupportedEditException, StructuralLinkException {
        StructuralRewrite rewrite = StructuralRewriter.rewrite(running, last, updated, elsewhere, overrides);
        ClassLinks links = ClassLinks.of(loaded);
        AddedFields fields = AddedFields.of(loaded);
        for (AddedField field : rewrite.addedFields()) {
            if (field.isStatic() && field.constant() != null) {
                fields.constant(field.name(), field.descriptor(), field.constant());
            }
            if (field.isVolatile()) {
                fields.declareVolatile(field.name(), field.descriptor());
            }
        }
        RetypedFields.startFromRunningValues(loaded, rewrite.addedFields(), fields);
        Map<String, MethodHandle> handles = new LinkedHashMap<>();
        Map<MemberKey, MethodHandle> initializers = new LinkedHashMap<>();
        if (rewrite.companion() != null) {
            MethodHandles.Lookup lookup = FullLookup.of(loaded, links);
            defineCompanion(loaded, lookup, rewrite, handles, initializers);
            defineBridges(loaded, lookup, links, rewrite);
            links.stage(handles);
        }
        List<AddedMethod> widened = StructuralRewriter.widenedMethods(running, updated);
        if (!widened.isEmpty()) {
            Map<String, MethodHandle> virtual = widenedHandles(loaded, links, widened);
            links.stage(virtual);
            handles.putAll(virtual);
        }
        Map<MemberKey, Class<?>> implemented = AddedOverrides.implementations(loaded, rewrite.moved(),
                addedByReloads);
        Map<MemberKey, MethodHandle> addedToInterface = loaded.isInterface()
                ? AddedToInterfaces.dispatchFirst(loaded, rewrite.moved(), handles) : Map.of();
        AddedToInterfaces.implementBeforeAnyCall(loaded, implemented, overrides, handles);
        byte[] target = rewrite.target();
        Map<MemberKey, MethodHandle> ownBodies = Map.of();
        DispatchingDeclarations.Dispatching made = dispatching.isEmpty() ? null
                : DispatchingDeclarations.dispatch(target, dispatching);
        if (made != null) {
            target = made.target();
            ownBodies = DispatchingClasses.ownBodies(loaded, made);
        }
        Map<MemberKey, Class<?>> declarers = new LinkedHashMap<>(AddedOverrides.reachedByDispatch(loaded,
                rewrite.moved(), elsewhere, runningClasses));
        declarers.putAll(implemented);
        Map<MemberKey, Class<?>> overridingAdded = MovedOverrides.declarers(loaded, rewrite.moved(), addedByReloads);
        declarers.putAll(overridingAdded);
        Map<MemberKey, MethodHandle> bodies = new LinkedHashMap<>(ownBodies);
        bodies.putAll(addedToInterface);
        OverrideLinks overrideLinks = new OverrideLinks(loaded, bodies, declarers, overrides,
                overridingAdded.keySet(), Map.of(), Set.of());
        return new PreparedRewrite(new ClassDefinition(loaded, target), rewrite, links, handles,
                initializers, overrideLinks, AppliedMoves.keys(widened, List.of()));
    }

    /**
     * {@return a handle, by runtime key, of each method made public that still runs with its old access}: found
     * virtually with the class's own lookup, so it dispatches on the receiver as the call it links did
     */
    private static Map<String, MethodHandle> widenedHandles(Class<?> loaded, ClassLinks links,
                                                            List<AddedMethod> widened) throws StructuralLinkException {
        MethodHandles.Lookup lookup = FullLookup.of(loaded, links);
        Map<String, MethodHandle> handles = new LinkedHashMap<>();
        try {
            for (AddedMethod method : widened) {
                handles.put(method.key().runtimeKey(), lookup.findVirtual(loaded, method.name(),
                        MethodType.fromMethodDescriptorString(method.descriptor(), loaded.getClassLoader())));
            }
        } catch (IllegalAccessException | NoSuchMethodException | TypeNotPresentException e) {
            throw new StructuralLinkException(loaded.getName(), "cannot reach a method made public", e);
        }
        return handles;
    }

    /**
     * Defines the companion, and puts the handles of its moved methods, by the key the runtime links them by, and
     * of its field initializers, by field.
     */
    private static void defineCompanion(Class<?> loaded, MethodHandles.Lookup lookup, StructuralRewrite rewrite,
                                        Map<String, MethodHandle> handles, Map<MemberKey, MethodHandle> initializers)
            throws StructuralLinkException {
        try {
            MethodHandles.Lookup companion = lookup.defineHiddenClass(rewrite.companion(), false,
                    MethodHandles.Lookup.ClassOption.NESTMATE);
            for (AddedMethod method : rewrite.moved()) {
                MethodType type = methodType(loaded, method);
                handles.put(method.key().runtimeKey(), companion.findStatic(companion.lookupClass(),
                        method.companionName(), type));
            }
            for (MemberKey field : rewrite.initializedFields()) {
                String name = RuntimeNames.FIELD_INITIALIZER_PREFIX + field.name();
                initializers.put(field, companion.findStatic(companion.lookupClass(), name,
                        MethodType.methodType(void.class)));
            }
        } catch (IllegalAccessException | NoSuchMethodException | LinkageError | TypeNotPresentException e) {
            throw new StructuralLinkException(loaded.getName(), "the JVM refused the companion holding the"
                    + " added methods", e);
        }
    }

    /**
     * Defines bridges for the moved lambda bodies that have none, which the class's lambdas link to; a moved
     * method that only a method reference names gets its bridge when the reference first links.
     */
    private static void defineBridges(Class<?> loaded, MethodHandles.Lookup lookup, ClassLinks links,
                                      StructuralRewrite rewrite) throws StructuralLinkException {
        LazyBridges.of(loaded).know(lookup, links, rewrite.moved());
        List<AddedMethod> unbridged = new ArrayList<>();
        for (AddedMethod method : rewrite.moved()) {
            if (method.lambdaBody() && !links.hasBridge(method.key().runtimeKey())) {
                unbridged.add(method);
            }
        }
        if (!unbridged.isEmpty()) {
            for (Map.Entry<String, MethodHandle> bridge : defineBridgeClass(loaded, lookup, links, unbridged).entrySet()) {
                links.bridge(bridge.getKey(), bridge.getValue());
            }
        }
    }

    /** {@return the bridges to the methods, by key, in a new class of bridges defined next to the class} */
    static Map<String, MethodHandle> defineBridgeClass(Class<?> loaded, MethodHandles.Lookup lookup, ClassLinks links,
                                                       List<AddedMethod> methods) throws StructuralLinkException {
        String internalName = loaded.getName().replace('.', '/');
        String name = BridgeBuilder.bridgesInternalName(internalName, links.nextBridgeClassNumber());
        try {
            Class<?> bridges = lookup.defineClass(BridgeBuilder.build(internalName, name, methods));
            Map<String, MethodHandle> handles = new LinkedHashMap<>();
            for (AddedMethod method : methods) {
                MethodType type = MethodType.fromMethodDescriptorString(
                        method.bridgeDescriptor(loaded.getName().replace('.', '/')), loaded.getClassLoader());
                handles.put(method.key().runtimeKey(), lookup.findStatic(bridges, method.companionName(), type));
            }
            return handles;
        } catch (IllegalAccessException | NoSuchMethodException | LinkageError | TypeNotPresentException e) {
            throw new StructuralLinkException(loaded.getName(), "the JVM refused the bridges of the added methods",
                    e);
        }
    }

    private static MethodType methodType(Class<?> loaded, AddedMethod method) {
        String descriptor = method.staticDescriptor(loaded.getName().replace('.', '/'));
        return MethodType.fromMethodDescriptorString(descriptor, loaded.getClassLoader());
    }
}

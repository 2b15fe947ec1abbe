package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.RuntimeNames;
import dev.reload.runtime.ClassLinks;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Gets a full-privilege lookup of a loaded class: through the accessor added when it loaded, or, for a class of the
 * agent's own unnamed module (the application class loader's), through {@code privateLookupIn}, which has full
 * privilege within one module. Only such a lookup may define a hidden nestmate; {@code privateLookupIn} gives a
 * lesser one across modules, and so across class loaders.
 */
final class FullLookup {
    private FullLookup() {
    }

    /** {@return the class's full-privilege lookup, cached in its links} */
    static MethodHandles.Lookup of(Class<?> type, ClassLinks links) throws StructuralLinkException {
        MethodHandles.Lookup cached = links.lookup();
        if (cached != null) {
            return cached;
        }
        MethodHandles.Lookup lookup = of(type);
        links.lookup(lookup);
        return lookup;
    }

    /** {@return the class's full-privilege lookup, asked of its accessor (or of {@code privateLookupIn}) each time} */
    static MethodHandles.Lookup of(Class<?> type) throws StructuralLinkException {
        Method accessor;
        try {
            accessor = type.getDeclaredMethod(RuntimeNames.ACCESSOR_NAME);
        } catch (NoSuchMethodException e) {
            if (LoadTimePreparation.needsNoAccessor(type)) {
                return ofAgentModule(type);
            }
            throw new StructuralLinkException(type.getName(), "the class was loaded before the agent could prepare"
                    + " it for added methods (or from a class file older than Java 8)", null);
        }
        try {
            accessor.setAccessible(true);
            return (MethodHandles.Lookup) accessor.invoke(null);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new StructuralLinkException(type.getName(), "cannot reach the class's own lookup", e);
        }
    }

    private static MethodHandles.Lookup ofAgentModule(Class<?> type) throws StructuralLinkException {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            if (!lookup.hasFullPrivilegeAccess()) {
                throw new StructuralLinkException(type.getName(), "the agent's lookup of the class has not full"
                        + " privilege", null);
            }
            return lookup;
        } catch (IllegalAccessException | RuntimeException e) {
            throw new StructuralLinkException(type.getName(), "cannot reach the class's own lookup", e);
        }
    }
}

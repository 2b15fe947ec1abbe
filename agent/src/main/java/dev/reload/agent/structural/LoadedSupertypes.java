package dev.reload.agent.structural;

import dev.reload.patcher.rewrite.FieldConversion;

/**
 * The class hierarchy as a class loader sees it: whether a field retyped from {@code ArrayList} to {@code List} keeps
 * its values. The type a field had is asked for by name and walked up; a type the loader has not loaded yet is loaded
 * (not initialized), as its first use would, and one it cannot find has no supertype but {@code Object}. The new type
 * is compared by name, never loaded: it may be a class the batch itself defines, after this question.
 */
public final class LoadedSupertypes implements FieldConversion.Supertypes {
    private final ClassLoader loader;

    /**
     * @param loader the loader of the class whose field changed type; null for the boot loader
     */
    public LoadedSupertypes(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public boolean isSupertype(String supertype, String type) {
        Class<?> loaded;
        try {
            loaded = Class.forName(type.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return extendsOrImplements(loaded, supertype.replace('/', '.'));
    }

    private static boolean extendsOrImplements(Class<?> type, String supertype) {
        for (Class<?> each = type; each != null; each = each.getSuperclass()) {
            if (each.getName().equals(supertype)) {
                return true;
            }
            for (Class<?> implemented : each.getInterfaces()) {
                if (extendsOrImplements(implemented, supertype)) {
                    return true;
                }
            }
        }
        return false;
    }
}

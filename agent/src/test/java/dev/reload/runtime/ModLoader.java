package dev.reload.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.Set;

/**
 * A class loader like a mod's: defines the named classes itself from their class files, and asks its parent for
 * every other class. The runtime's tests drop one and check that nothing the runtime keeps holds it.
 */
final class ModLoader extends ClassLoader {
    private static final int COLLECTIONS = 50;

    private final Set<String> own;

    /**
     * @param parent the loader of the test, which has the class files; never null
     * @param own binary names of the classes this loader defines itself
     */
    ModLoader(ClassLoader parent, String... own) {
        super(parent);
        this.own = Set.of(own);
    }

    /** {@return true once the loader is collected, after up to 50 collections} */
    static boolean collected(WeakReference<ClassLoader> loader) {
        for (int i = 0; i < COLLECTIONS && loader.get() != null; i++) {
            System.gc();
        }
        return loader.get() == null;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!own.contains(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
                return loaded;
            }
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                byte[] classFile = in.readAllBytes();
                return defineClass(name, classFile, 0, classFile.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}

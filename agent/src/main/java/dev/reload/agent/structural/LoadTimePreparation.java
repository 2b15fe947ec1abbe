package dev.reload.agent.structural;

import dev.reload.agent.index.LoadTimeChange;
import dev.reload.agent.report.Reporter;
import dev.reload.patcher.rewrite.ClassFileFormatException;
import dev.reload.patcher.rewrite.ClassReferences;
import dev.reload.patcher.rewrite.LoadTimeAugmenter;
import dev.reload.patcher.rewrite.LoadTimePatch;
import dev.reload.patcher.rewrite.NestAttributes;
import dev.reload.patcher.rewrite.RuntimeNames;
import dev.reload.patcher.shape.ClassShape;

import java.util.Set;

/**
 * Prepares each watched class as it first loads for structural edits later: links its calls to methods that earlier
 * reloads moved into companions and its super calls of methods that dispatch because a reload added an override
 * ({@code LinkedSuperCalls}), makes a nested class that a reload added its own nest host ({@link UnlistedNestmates}),
 * and, for a class of another module than the agent's, adds the accessor and spare nest members
 * ({@link LoadTimeAugmenter}). A class of the agent's own unnamed module (the application class loader's) needs
 * neither: the agent's {@code privateLookupIn} has full privilege there ({@link FullLookup}), and a nested class a
 * reload adds to it loads as its own nest host, as named ones do. A class it cannot prepare loads as its file has
 * it, and can then take body changes only.
 */
public final class LoadTimePreparation implements LoadTimeChange {
    private final StructuralEngine engine;
    private final UnlistedNestmates nestmates;
    private final Reporter reporter;

    /**
     * @param engine the engine that knows which methods are moved, never null
     * @param nestmates what makes a nested class added by a reload load as its own nest host, never null
     * @param reporter where a class that cannot be prepared is reported at debug level, never null
     */
    public LoadTimePreparation(StructuralEngine engine, UnlistedNestmates nestmates, Reporter reporter) {
        this.engine = engine;
        this.nestmates = nestmates;
        this.reporter = reporter;
        warmUp();
    }

    @Override
    public byte[] apply(Module module, ClassLoader loader, String internalName, byte[] classFile) {
        if (internalName.contains(RuntimeNames.BRIDGES_SUFFIX)) {
            return classFile; // the agent's own bridges, defined next to the class they serve
        }
        try {
            byte[] linked = engine.linkSuperCalls(engine.linkCallsOfLoadingClass(loader, internalName, classFile));
            // After the links: a member a reload added is reached through them, not through the nest host.
            byte[] nested = nestmates.atLoad(loader, internalName, linked);
            if (leavesUnedited(module)) {
                return nested;
            }
            return LoadTimePatch.augment(nested, LoadTimeAugmenter.DEFAULT_SPARE_NEST_MEMBERS);
        } catch (RuntimeException | LinkageError e) {
            if (reporter.isDebug()) {
                reporter.debug("cannot prepare " + internalName.replace('/', '.') + " for new methods (" + e
                        + "); it can take body changes only");
            }
            return classFile;
        }
    }

    /**
     * {@return true when a class of this module loads without the accessor and spare nest members, and is prepared
     * for new members all the same: it is in the agent's own unnamed module, the application class loader's} A class
     * of a named module of that loader (a module-path directory given to {@code watch=}) is not, and keeps the edit.
     *
     * @param module the module a class is defined in, never null
     */
    public static boolean leavesUnedited(Module module) {
        // Not through FullLookup: this runs in the transformer, and that class names the runtime's, which must
        // not load from the agent jar.
        return module == LoadTimePreparation.class.getModule();
    }

    /**
     * {@return true when the class can take new members without the accessor: it is of the agent's own unnamed
     * module, where the agent's lookup of it has full privilege}
     *
     * @param type a loaded class, never null
     */
    public static boolean needsNoAccessor(Class<?> type) {
        return type.getModule() == LoadTimePreparation.class.getModule();
    }

    /**
     * {@return true when a watched class that has no accessor can take new members all the same}: it needs none, and its
     * class file is one the load-time edit would have prepared
     *
     * @param type the loaded class, never null
     * @param running its shape as it runs, never null
     */
    public static boolean preparedWithoutAccessor(Class<?> type, ClassShape running) {
        return needsNoAccessor(type) && LoadTimeAugmenter.isPreparable(running.majorVersion());
    }

    /**
     * Loads the patcher classes the preparation uses before it runs inside a transformer, where that would recurse.
     * They edit bytes without ASM, so ASM is not loaded before the program needs a reload.
     */
    @SuppressWarnings("ReturnValueIgnored") // called only to load the classes now
    private void warmUp() {
        try {
            LoadTimePatch.warmUp();
            ClassReferences.namesAny(new byte[0], Set.of());
            NestAttributes.class.getName();
            ClassFileFormatException.class.getName();
        } catch (RuntimeException e) {
            reporter.debug("warming up the load-time preparation did not work (" + e + ")");
        }
    }
}

package dev.reload.agent.asset;

import dev.reload.agent.hook.HookMarks;
import dev.reload.agent.hook.HookMethods;
import dev.reload.agent.index.CaptureCompactor;
import dev.reload.agent.index.CapturedClass;
import dev.reload.agent.index.LoadedClass;
import dev.reload.agent.index.LoadedClassIndex;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The watched classes that declare asset hooks ({@code OnReload} methods taking a {@code List<Path>}), found in each
 * class file as it is compacted after its class loaded, and again in each new version a reload applies. Almost every
 * class costs a byte search and nothing else. A class is forgotten with its loader. Thread-safe.
 */
public final class AssetHookIndex implements CaptureCompactor.FileScanner {
    /** Weak keys compared by identity: a captured class lives as long as its loader's entry in the class index. */
    private final Map<CapturedClass, List<String>> hooks = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Records the asset hooks a class file declares, or that it declares none any more.
     *
     * @param captured the class, never null
     * @param classFile the class file as its developer compiled it (a hook a reload adds is in the file, not in
     *                  what the JVM runs), never null
     */
    @Override
    public void scan(CapturedClass captured, byte[] classFile) {
        List<String> names = HookMethods.mayDeclareHooks(classFile) ? namesIn(classFile) : List.of();
        if (!names.isEmpty()) {
            hooks.put(captured, names);
        } else if (!hooks.isEmpty()) {
            hooks.remove(captured);
        }
    }

    /** {@return false when the class file declares no asset hook}: a byte search, no parsing */
    @Override
    public boolean mayFind(byte[] classFile) {
        return HookMarks.mayDeclareHooks(classFile);
    }

    /** {@return true when no class declares an asset hook} */
    public boolean isEmpty() {
        return hooks.isEmpty();
    }

    /**
     * {@return the loaded classes that declare asset hooks, each with their names, in no particular order}
     *
     * @param index where a class's loader is found, never null
     * @param instrumentation what resolves a class not resolved yet, never null
     */
    public List<ClassHooks> loaded(LoadedClassIndex index, Instrumentation instrumentation) {
        List<Map.Entry<CapturedClass, List<String>>> entries;
        synchronized (hooks) {
            entries = new ArrayList<>(hooks.entrySet());
        }
        List<ClassHooks> loaded = new ArrayList<>();
        for (Map.Entry<CapturedClass, List<String>> entry : entries) {
            LoadedClass type = index.loaded(entry.getKey(), instrumentation);
            if (type != null) {
                loaded.add(new ClassHooks(type.type(), entry.getValue()));
            }
        }
        return loaded;
    }

    private static List<String> namesIn(byte[] classFile) {
        try {
            return List.copyOf(HookMethods.assetHooksIn(classFile));
        } catch (RuntimeException e) {
            return List.of(); // a class file ASM cannot read declares nothing a hook could be called as
        }
    }

    /**
     * A loaded class and its asset hooks.
     *
     * @param type the class, never null
     * @param names the hooks' method names, never null or empty
     */
    public record ClassHooks(Class<?> type, List<String> names) {
        public ClassHooks {
            names = List.copyOf(names);
        }
    }
}

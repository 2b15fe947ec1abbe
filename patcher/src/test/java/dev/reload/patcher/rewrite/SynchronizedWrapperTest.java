package dev.reload.patcher.rewrite;

import dev.reload.fixtures.harness.CompilerKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Added {@code synchronized} methods, moved into the companion, hold the monitor their modifier means and release it
 * on every way out. The companion is loaded here as a plain class beside the rewritten class: its synchronized
 * methods touch nothing private, so they run without being a nestmate, through the verifier.
 */
class SynchronizedWrapperTest {
    private static final String COUNTER = "fixture/synced/Counter";

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(value = CompilerKind.class, names = {"KOTLINC", "KOTLINC_CLASS_LAMBDAS"},
            mode = EnumSource.Mode.EXCLUDE)
    void movedSynchronizedMethodsLockTheReceiverOrTheClass(CompilerKind compiler) throws Exception {
        Class<?> companion = rewrittenCompanion(compiler);
        Class<?> counter = companion.getClassLoader().loadClass("fixture.synced.Counter");
        Object instance = counter.getConstructor().newInstance();

        assertEquals(Boolean.TRUE, method(companion, "locked", counter).invoke(null, instance));
        assertEquals("true:5", method(companion, "classLocked", int.class, long.class).invoke(null, 3, 2L));
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> method(companion, "failing", counter, int.class).invoke(null, instance, 7));
        assertEquals("threw 7", assertInstanceOf(IllegalStateException.class, thrown.getCause()).getMessage());
        assertFalse(Thread.holdsLock(instance), "the monitor must be released when the body throws");
        assertFalse(Thread.holdsLock(counter));
        method(companion, "failing", counter, int.class).invoke(null, instance, 0);
        assertFalse(Thread.holdsLock(instance));
    }

    @ParameterizedTest
    @EnumSource(value = CompilerKind.class, names = {"KOTLINC", "KOTLINC_CLASS_LAMBDAS"},
            mode = EnumSource.Mode.EXCLUDE)
    void theWrapperHoldsTheMonitorAgainstOtherThreads(CompilerKind compiler) throws Exception {
        Class<?> companion = rewrittenCompanion(compiler);
        Class<?> counter = companion.getClassLoader().loadClass("fixture.synced.Counter");
        Object instance = counter.getConstructor().newInstance();
        Method locked = method(companion, "locked", counter);
        Object[] result = new Object[1];
        Thread other = new Thread(() -> {
            try {
                result[0] = locked.invoke(null, instance);
            } catch (ReflectiveOperationException e) {
                result[0] = e;
            }
        });
        synchronized (instance) {
            other.start();
            other.join(300);
            assertTrue(other.isAlive(), "the moved synchronized method must wait for the object's monitor");
        }
        other.join(10_000);
        assertEquals(Boolean.TRUE, result[0]);
    }

    /** {@return the companion of Counter's v2 rewritten against v1, loaded beside the rewritten Counter} */
    private Class<?> rewrittenCompanion(CompilerKind compiler) throws Exception {
        byte[] running = LoadTimeAugmenter.augment(CompiledFixture.compile(work, "structural-synchronized", "v1",
                compiler).bytes(COUNTER), 8);
        byte[] updated = CompiledFixture.compile(work, "structural-synchronized", "v2", compiler).bytes(COUNTER);
        StructuralRewrite rewrite = StructuralRewriter.rewrite(running, updated, MovedMembers.none());
        String companionName = ClassFiles.binaryName(rewrite.companionInternalName());
        return new CompiledFixture.Loader(Map.of(ClassFiles.binaryName(COUNTER), rewrite.target(),
                companionName, rewrite.companion())).loadClass(companionName);
    }

    private static Method method(Class<?> companion, String name, Class<?>... parameters) throws NoSuchMethodException {
        Method method = companion.getDeclaredMethod(name, parameters);
        method.setAccessible(true);
        return method;
    }
}

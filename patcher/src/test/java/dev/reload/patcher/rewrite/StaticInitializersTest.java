package dev.reload.patcher.rewrite;

import dev.reload.patcher.shape.MemberKey;
import dev.reload.fixtures.harness.CompilerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The initializers of the static fields a class keeps, compared between versions: only the changed ones are named,
 * the same source compiled again changes none, and the value class gives each changed field its new value without
 * the rest of the static initializer.
 */
class StaticInitializersTest {
    private static final String PALETTE = "fixture/retuned/Palette";

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(value = CompilerKind.class, names = {"JAVAC", "ECJ"})
    void theFieldsWhoseInitializerChangedAreNamedWithTheAddedOnesAmongThemInOrder(CompilerKind compiler) {
        byte[] v1 = CompiledFixture.compile(work.resolve("1"), "static-initializers-changed", "v1", compiler)
                .bytes(PALETTE);
        byte[] v2 = CompiledFixture.compile(work.resolve("2"), "static-initializers-changed", "v2", compiler)
                .bytes(PALETTE);
        byte[] v3 = CompiledFixture.compile(work.resolve("3"), "static-initializers-changed", "v3", compiler)
                .bytes(PALETTE);

        InitializerUpdate second = StaticInitializers.compare(StaticInitializers.fingerprints(v1), v2);
        assertEquals(List.of("HUD", "speed", "TITLE", "SPEEDS", "NAMES", "HUD_NAME"), names(second.changed()));
        assertEquals(List.of("SPEEDS", "NAMES", "HUD_NAME"), names(second.added()), "the fields v1 does not declare");
        InitializerUpdate third = StaticInitializers.compare(second.fingerprints(), v3);
        assertEquals(List.of("HUD", "SPEEDS", "NAMES"), names(third.changed()));
        assertEquals(List.of(), third.inseparable());

        InitializerUpdate again = StaticInitializers.compare(StaticInitializers.fingerprints(v3), v3);
        assertTrue(again.isEmpty(), "the same class file changes nothing");
        assertNull(again.valueClass());
    }

    @Test
    void theValueClassGivesEachChangedFieldItsNewValueAlone() throws Exception {
        CompiledFixture v3 = CompiledFixture.compile(work, "static-initializers-changed", "v3");
        Map<MemberKey, Long> running = new HashMap<>(StaticInitializers.fingerprints(v3.bytes(PALETTE)));
        running.replaceAll((key, fingerprint) -> fingerprint + 1);
        InitializerUpdate update = StaticInitializers.compare(running, v3.bytes(PALETTE));

        Map<String, byte[]> classes = new HashMap<>();
        for (String name : List.of("Palette", "Hue", "Main", "Hud")) {
            classes.put("fixture.retuned." + name, v3.bytes("fixture/retuned/" + name));
        }
        classes.put("fixture.retuned.Palette$$ReloadValues", update.valueClass());
        ClassLoader loader = new CompiledFixture.Loader(classes);
        Class<?> values = loader.loadClass("fixture.retuned.Palette$$ReloadValues");
        assertEquals("0/255/0", value(values, "HUD").toString());
        assertEquals("[4, 5, 6, 7]", Arrays.toString((int[]) value(values, "SPEEDS")));
        assertEquals(List.of("c"), value(values, "NAMES"));
        assertEquals(5, value(values, "speed"));
        assertEquals("two", value(values, "TITLE"));
        Class<?> main = loader.loadClass("fixture.retuned.Main");
        Field loads = main.getDeclaredField("paletteLoads");
        loads.setAccessible(true);
        assertEquals(0, loads.getInt(null), "the new initializers ran without the rest of the static initializer");
    }

    @Test
    void initializersThatCannotBeTakenApartAreNamedAndNotRun() {
        byte[] world = CompiledFixture.compile(work, "static-initializers", "v2").bytes("fixture/statics/World");
        Map<MemberKey, Long> running = new HashMap<>(StaticInitializers.fingerprints(world));
        running.replaceAll((key, fingerprint) -> fingerprint + 1);
        InitializerUpdate update = StaticInitializers.compare(running, world);
        assertEquals(List.of("ticks", "TITLE", "SPEEDS", "NAMES", "mode", "level", "AFTER_BLOCKS"),
                names(update.changed()));
        assertEquals(List.of("loaded", "afterLocal", "seeded", "announced"), names(update.inseparable()));
    }

    /**
     * A switch map class outside a batch whose enum gained constants: its arrays are built again, sized by the
     * enum's new {@code values()}, from its unchanged static initializer; a class of another kind gives nothing.
     */
    @Test
    void aSwitchMapClassIsBuiltAgainForTheEnumsNewConstants() throws Exception {
        CompiledFixture v1 = CompiledFixture.compile(work.resolve("1"), "enum-constants", "v1");
        CompiledFixture v3 = CompiledFixture.compile(work.resolve("3"), "enum-constants", "v3");
        InitializerUpdate update = StaticInitializers.rebuildSwitchMaps(v1.bytes("fixture/enums/Arsenal$1"));
        assertEquals(List.of("$SwitchMap$fixture$enums$Weapon"), names(update.changed()));
        assertTrue(StaticInitializers.rebuildSwitchMaps(v1.bytes("fixture/enums/Weapon")).isEmpty());

        Map<String, byte[]> classes = new HashMap<>();
        classes.put("fixture.enums.Weapon", v3.bytes("fixture/enums/Weapon"));
        classes.put("fixture.enums.Arsenal$1$$ReloadValues", update.valueClass());
        Class<?> values = new CompiledFixture.Loader(classes).loadClass("fixture.enums.Arsenal$1$$ReloadValues");
        assertEquals("[1, 2, 0, 0]", Arrays.toString((int[]) value(values, "$SwitchMap$fixture$enums$Weapon")),
                "sized for SWORD, BOW, STAFF and MACE; the cases of SWORD and BOW, no case for the others");
    }

    private static Object value(Class<?> values, String field) throws ReflectiveOperationException {
        Method method = values.getDeclaredMethod(StaticInitializers.VALUE_PREFIX + field);
        method.setAccessible(true);
        return method.invoke(null);
    }

    private static List<String> names(List<MemberKey> keys) {
        return keys.stream().map(MemberKey::name).toList();
    }
}

package dev.reload.patcher.shape;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticNamesTest {
    @Test
    void numberedClassesAreAnOuterADollarAndDigits() {
        assertEquals("a/B", SyntheticNames.numberedOuter("a/B$12"));
        assertEquals("a/B$1", SyntheticNames.numberedOuter("a/B$1$2"));
        assertNull(SyntheticNames.numberedOuter("a/B$Inner"));
        assertNull(SyntheticNames.numberedOuter("a/B$"));
        assertNull(SyntheticNames.numberedOuter("a/B"));
        assertTrue(SyntheticNames.isNumberedMember("a/B", "a/B$3"));
        assertFalse(SyntheticNames.isNumberedMember("a/B", "a/B$1$2"));
        assertFalse(SyntheticNames.isNumberedMember("a/B", "a/Bc$1"));
        assertFalse(SyntheticNames.isNumberedMember("a/B", "a/B$"));
        assertEquals(12, SyntheticNames.number("a/B", "a/B$12"));
        assertEquals(-1, SyntheticNames.number("a/B", "a/B$x"));
        assertEquals(-1, SyntheticNames.number("a/B", "a/B$1234567890"), "ten digits or more");
    }

    @Test
    void onlyAClassFileHoldingTheSwitchTablePrefixMayDeclareATable() {
        assertTrue(SyntheticNames.mayDeclareSwitchTable(withStaticField("$SWITCH_TABLE$a$Color")));
        assertFalse(SyntheticNames.mayDeclareSwitchTable(withStaticField("$SwitchMap$a$Color")), "javac's map");
        assertFalse(SyntheticNames.mayDeclareSwitchTable(withStaticField("$SWITCH_TABLE")), "the prefix cut short");
        assertFalse(SyntheticNames.mayDeclareSwitchTable(new byte[0]));
    }

    private static byte[] withStaticField(String name) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "a/Shop", null, "java/lang/Object", null);
        writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name, "[I", null, null)
                .visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    @Test
    void anEnumsSwitchFieldsAreNamedAsTheCompilersNameThemAndNameItBack() {
        assertEquals("$SwitchMap$a$Color", SyntheticNames.switchMapName("a.Color"));
        assertEquals("$SWITCH_TABLE$a$Color", SyntheticNames.switchTableName("a.Color"));
        assertEquals("a.Color", SyntheticNames.switchedEnum(SyntheticNames.switchMapName("a.Color")));
        assertEquals("a.Color", SyntheticNames.switchedEnum(SyntheticNames.switchTableName("a.Color")));
    }

    @Test
    void lambdaBodiesOfEveryCompilerAreLambdas() {
        assertTrue(SyntheticNames.isLambda("lambda$update$0"), "javac");
        assertTrue(SyntheticNames.isLambda("lambda$3"), "ECJ");
        assertTrue(SyntheticNames.isLambda("make$lambda$0"), "kotlinc 2");
        assertTrue(SyntheticNames.isLambda("make$lambda$0$lambda$1"), "kotlinc 2, a lambda inside a lambda");
        assertFalse(SyntheticNames.isLambda("lambdaCount"));
        assertFalse(SyntheticNames.isLambda("$lambda$0"), "no host method");
    }

    @Test
    void theHostIsTheMethodTheCompilerNamedTheLambdaAfter() {
        assertEquals("update", SyntheticNames.hostFromLambdaName("lambda$update$0"));
        assertEquals("<clinit>", SyntheticNames.hostFromLambdaName("lambda$static$1"));
        assertEquals("make", SyntheticNames.hostFromLambdaName("make$lambda$0"));
        assertEquals("make", SyntheticNames.hostFromLambdaName("make$lambda$0$lambda$1"));
        assertNull(SyntheticNames.hostFromLambdaName("lambda$3"));
        assertNull(SyntheticNames.hostFromLambdaName("update"));
    }
}

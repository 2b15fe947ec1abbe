package dev.reload.patcher.shape;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticNamesTest {
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

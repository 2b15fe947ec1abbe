package dev.reload.runtime;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A method a reload moved, edited again: the new code's calls, first linked while its class is being redefined, reach
 * the new body at once, while the calls linked before keep the running one until the commit; a redefinition the JVM
 * refused leaves every call on the running body.
 */
class ClassLinksStagedTest {
    private static final String KEY = "table()Ljava/lang/String;";
    private static final MethodType CALL = MethodType.methodType(String.class);

    /** Its table() is moved. */
    public static class Scout {
    }

    @Test
    void theNewCodesCallsReachTheStagedBodyWhileTheClassIsRedefined() throws Throwable {
        ClassLinks links = ClassLinks.of(Scout.class);
        links.commit(Map.of(KEY, body("table 1")));
        MethodHandle oldCode = links.site(KEY, CALL).dynamicInvoker();

        links.stage(Map.of(KEY, body("table 2")));
        assertEquals("table 1", call(links), "staged while the batch is planned: nothing changes yet");
        links.redefining(Map.of(KEY, body("table 2")));
        MethodHandle newCode = links.site(KEY, CALL).dynamicInvoker();
        assertEquals("table 2", (String) newCode.invokeExact());
        assertEquals("table 1", (String) oldCode.invokeExact(), "linked before: the running body until the commit");

        links.commit(Map.of(KEY, body("table 2")));
        assertEquals("table 2", (String) oldCode.invokeExact());
        assertEquals("table 2", call(links));

        links.stage(Map.of(KEY, body("table 3")));
        links.commit(Map.of(KEY, body("table 3")));
        assertEquals("table 3", (String) newCode.invokeExact(), "a site linked early follows the later reloads");
        assertEquals("table 3", (String) oldCode.invokeExact());
    }

    @Test
    void aRefusedRedefinitionLeavesTheCallsLinkedMeanwhileOnTheRunningBody() throws Throwable {
        ClassLinks links = ClassLinks.of(Refused.class);
        links.commit(Map.of(KEY, body("table 1")));
        links.stage(Map.of(KEY, body("refused")));
        links.redefining(Map.of(KEY, body("refused")));
        MethodHandle linkedMeanwhile = links.site(KEY, CALL).dynamicInvoker();
        links.withdraw();
        assertEquals("table 1", (String) linkedMeanwhile.invokeExact());
        assertEquals("table 1", call(links));

        links.stage(Map.of(KEY, body("table 2")));
        links.commit(Map.of(KEY, body("table 2")));
        assertEquals("table 2", (String) linkedMeanwhile.invokeExact());
    }

    @Test
    void aVersionStagedButNeverAppliedIsNotWhatTheNextRedefinitionLinksTo() throws Throwable {
        ClassLinks links = ClassLinks.of(Abandoned.class);
        links.commit(Map.of(KEY, body("table 1")));
        links.stage(Map.of(KEY, body("planned, then refused")));
        // The next batch leaves the method as it runs: its calls linked meanwhile reach the running version.
        links.redefining(Map.of(KEY, links.implementation(KEY)));
        assertEquals("table 1", call(links));
        links.commit(Map.of(KEY, links.implementation(KEY)));
        assertEquals("table 1", call(links));
    }

    /** Its table() is moved; a version of it is planned and never applied. */
    public static class Abandoned {
    }

    /** Its table() is moved; a redefinition of it is refused. */
    public static class Refused {
    }

    private static String call(ClassLinks links) throws Throwable {
        return (String) links.site(KEY, CALL).dynamicInvoker().invokeExact();
    }

    private static MethodHandle body(String result) {
        return MethodHandles.constant(String.class, result);
    }
}

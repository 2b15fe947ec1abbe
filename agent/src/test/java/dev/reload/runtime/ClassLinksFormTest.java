package dev.reload.runtime;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A method a reload moved that a later version makes static, then an instance method again, under the same name and
 * descriptor (a removal and an addition): calls of each form, linked before or first linked after the change, reach
 * that form's last version, and the newest version once the method has their form again.
 */
class ClassLinksFormTest {
    private static final String KEY = "bonus()Ljava/lang/String;";
    private static final MethodType INSTANCE_CALL = MethodType.methodType(String.class, Entity.class);
    private static final MethodType STATIC_CALL = MethodType.methodType(String.class);

    /** Its bonus() is moved: an instance method, then static, then an instance method again. */
    public static class Entity {
    }

    @Test
    void callsOfTheFormAMethodNoLongerHasReachItsLastVersionEvenWhenFirstLinkedAfterTheChange() throws Throwable {
        ClassLinks links = ClassLinks.of(Entity.class);
        links.commit(Map.of(KEY, instanceBody("instance 1")));
        MethodHandle linkedBefore = links.site(KEY, INSTANCE_CALL).dynamicInvoker();
        assertEquals("instance 1", (String) linkedBefore.invokeExact(new Entity()));

        // Made static: old code's instance calls, linked already or for the first time now, run the last instance body.
        links.commit(Map.of(KEY, staticBody("static 2")));
        MethodHandle staticCall = links.site(KEY, STATIC_CALL).dynamicInvoker();
        MethodHandle linkedAfter = links.site(KEY, INSTANCE_CALL).dynamicInvoker();
        assertEquals("static 2", (String) staticCall.invokeExact());
        assertEquals("instance 1", (String) linkedBefore.invokeExact(new Entity()));
        assertEquals("instance 1", (String) linkedAfter.invokeExact(new Entity()));

        // An instance method again: instance calls reach the new body; static calls from before the last static one.
        links.commit(Map.of(KEY, instanceBody("instance 3")));
        assertEquals("instance 3", (String) linkedBefore.invokeExact(new Entity()));
        assertEquals("instance 3", (String) linkedAfter.invokeExact(new Entity()));
        assertEquals("instance 3", (String) links.site(KEY, INSTANCE_CALL).dynamicInvoker().invokeExact(new Entity()));
        assertEquals("static 2", (String) staticCall.invokeExact());
        assertEquals("static 2", (String) links.site(KEY, STATIC_CALL).dynamicInvoker().invokeExact());
    }

    /** {@return a static form of an instance body, the receiver first, as a companion holds it} */
    private static MethodHandle instanceBody(String result) {
        return MethodHandles.dropArguments(MethodHandles.constant(String.class, result), 0, Entity.class);
    }

    private static MethodHandle staticBody(String result) {
        return MethodHandles.constant(String.class, result);
    }
}

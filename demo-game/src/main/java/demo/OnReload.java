package demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method with no arguments that the reload agent runs after each reload that touched the
 * method's class, or a static method taking a {@code java.util.List<java.nio.file.Path>} that it gives the assets
 * (files that are not class files) changed in the watched directories, once per save. The agent recognises any annotation with this simple name, in any package, so the game
 * declares its own and needs no compile dependency on the agent; without the agent nothing calls it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnReload {
}

/**
 * The commands {@code attach} and {@code list}: loading the agent into a program that runs already.
 *
 * <p>{@link dev.reload.agent.attach.AttachCommand} checks the options first
 * ({@code AttachOptions}, with directories made absolute, since the other program has
 * its own working directory), finds the program among the {@code RunningJvms} by pid or
 * by a part of its main class, and loads this jar into it through the
 * {@code AgentLoader}. Every way attaching can fail becomes one line in an
 * {@link dev.reload.agent.attach.AttachFailedException}.
 *
 * <p>Uses {@code com.sun.tools.attach} (module {@code jdk.attach}, which a JRE lacks: check
 * {@code AttachSupport} before touching a class that names it), the option parser of
 * {@link dev.reload.agent.config}, and the name of {@link dev.reload.agent.ReloadAgent}. Runs in the command's
 * own JVM, never in the program the agent is loaded into.
 */
package dev.reload.agent.attach;

/**
 * How the agent speaks and how it stays out of the program's way.
 *
 * <p>{@link dev.reload.agent.report.Reporter} writes each report line plainly to standard error, starting with
 * {@code [reload] }, or through {@link System.Logger} with {@code log=system}.
 * {@link dev.reload.agent.report.Contained} runs the agent's background work on daemon threads and reports any
 * failure of one step, so the loop goes on and nothing reaches the program's threads.
 *
 * <p>Uses the JDK and {@link dev.reload.agent.config} only; almost every other package uses it.
 */
package dev.reload.agent.report;

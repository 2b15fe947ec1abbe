/**
 * Running one step of a large batch on every core: {@link dev.reload.agent.parallel.BatchSteps} (reading files,
 * reading shapes, conforming class files). A small batch, the single saved file among them, runs on the calling
 * thread alone; the helper threads are daemons of the agent's own pool, never the program's common pool.
 *
 * <p>Uses {@code java.util.concurrent} only; the watcher and the reloader use it.
 */
package dev.reload.agent.parallel;

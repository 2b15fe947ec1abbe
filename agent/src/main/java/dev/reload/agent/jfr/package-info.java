/**
 * JDK Flight Recorder events: {@code dev.reload.Batch} ({@code ReloadBatchEvent}) per batch
 * and {@code dev.reload.Refusal} ({@code ReloadRefusalEvent}) per reason a batch was not
 * applied, made from reports by {@link dev.reload.agent.jfr.FlightRecorderListener}.
 *
 * <p>Uses {@code jdk.jfr} and {@link dev.reload.agent.api}. The event classes load only once a recording has
 * started, and only where the module {@code jdk.jfr} is present: a program that never records does not pay
 * for them in every redefinition's walk of loaded classes.
 */
package dev.reload.agent.jfr;

/**
 * Reloads at a frame boundary ({@code sync=CLASS.METHOD}), as Live++'s synchronization point: the reload thread
 * prepares a batch, and the game's own thread applies it at the entry of its next call of the named method.
 *
 * <p>{@link dev.reload.agent.sync.SyncPointTransformer} puts the call of {@link dev.reload.runtime.SyncPoint} into
 * the named method whenever its class is defined or redefined; {@link dev.reload.agent.sync.SyncPointHandOff} leaves
 * each prepared batch there and takes it back when no frame runs within a second;
 * {@link dev.reload.agent.sync.ApplyPoint} is what the reloader asks, with or without a synchronization point.
 *
 * <p>Uses the runtime on the boot class path, ASM (relocated) in the transformer, and the agent's reporter.
 */
package dev.reload.agent.sync;

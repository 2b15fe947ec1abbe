/**
 * A small real-time Java2D game that shows the reload workflow: run it with the agent, edit a method, compile,
 * and the running game changes.
 *
 * <p>{@code Main} starts a {@code GameWindow}, or the same game drawn into an image in memory ({@code Offscreen}) with an
 * {@code Autopilot} when there is no display. {@code GameLoop} only keeps time: a method that never
 * returns keeps the code it started with, so all the work of a frame is in methods it calls ({@code Game},
 * {@code World}, {@code Player}, {@code Enemy}, {@code Gem}, {@code Hud}), which pick up
 * every edit. State lives in fields, which a reload keeps. The arena's colours come from an asset,
 * {@code demo/palette.txt}, which {@code Palette} reads again whenever it changes while the game runs. Classes mark {@code OnReload} hooks, the game's
 * own annotation, and the {@code Hud} shows the last report line through {@code ReloadNotice}.
 *
 * <p>Uses the JDK only (AWT, Java2D, {@code javax.imageio}); no dependency on the agent.
 */
package demo;

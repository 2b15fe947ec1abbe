package demo;

import java.awt.Graphics2D;

/** Where frames are drawn: a window, or an image in memory when there is no display. */
interface Screen {
    /** {@return a graphics context to draw the next frame on, to be passed to {@link #endFrame}} */
    Graphics2D beginFrame();

    /** Shows the frame drawn on {@code g} and releases it. */
    void endFrame(Graphics2D g);

    /** {@return false once the player closed the window} */
    boolean isOpen();
}

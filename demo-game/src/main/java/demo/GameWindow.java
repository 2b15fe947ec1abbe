package demo;

import java.awt.Canvas;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.Graphics2D;
import java.awt.Toolkit;
import java.awt.event.KeyListener;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferStrategy;

/** A window the game draws into directly (active rendering with a double buffer), with keyboard input. */
final class GameWindow implements Screen {
    private final Frame frame;
    private final BufferStrategy strategy;
    private volatile boolean open = true;

    private GameWindow(Frame frame, BufferStrategy strategy) {
        this.frame = frame;
        this.strategy = strategy;
    }

    /**
     * Opens a window with a drawing area of the given size.
     *
     * @param keys receives the key events of the window, never null
     * @throws java.awt.HeadlessException or {@link java.awt.AWTError} when there is no display to open it on
     */
    static GameWindow open(String title, int width, int height, KeyListener keys) {
        Frame frame = new Frame(title);
        Canvas canvas = new Canvas();
        canvas.setPreferredSize(new Dimension(width, height));
        canvas.setBackground(Color.BLACK);
        canvas.setIgnoreRepaint(true);
        canvas.addKeyListener(keys);
        frame.addKeyListener(keys);
        frame.add(canvas);
        frame.setResizable(false);
        frame.pack();
        frame.setLocationRelativeTo(null);
        frame.setVisible(true);
        canvas.createBufferStrategy(2);
        canvas.requestFocus();
        GameWindow window = new GameWindow(frame, canvas.getBufferStrategy());
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                window.open = false;
            }
        });
        return window;
    }

    @Override
    public Graphics2D beginFrame() {
        return (Graphics2D) strategy.getDrawGraphics();
    }

    @Override
    public void endFrame(Graphics2D g) {
        g.dispose();
        // After a lost buffer (window moved to another screen, say) the next frame is drawn from scratch anyway.
        if (!strategy.contentsLost()) {
            strategy.show();
        }
        Toolkit.getDefaultToolkit().sync();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    void close() {
        frame.dispose();
    }
}

package demo;

import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;

/** Arrow keys and WASD. Key events arrive on the AWT thread; the game loop reads the flags. */
final class Keyboard extends KeyAdapter implements Controls {
    private volatile boolean left;
    private volatile boolean right;
    private volatile boolean up;
    private volatile boolean down;

    @Override
    public void keyPressed(KeyEvent e) {
        set(e.getKeyCode(), true);
    }

    @Override
    public void keyReleased(KeyEvent e) {
        set(e.getKeyCode(), false);
    }

    @Override
    public int dx() {
        return (right ? 1 : 0) - (left ? 1 : 0);
    }

    @Override
    public int dy() {
        return (down ? 1 : 0) - (up ? 1 : 0);
    }

    private void set(int keyCode, boolean pressed) {
        switch (keyCode) {
            case KeyEvent.VK_LEFT, KeyEvent.VK_A -> left = pressed;
            case KeyEvent.VK_RIGHT, KeyEvent.VK_D -> right = pressed;
            case KeyEvent.VK_UP, KeyEvent.VK_W -> up = pressed;
            case KeyEvent.VK_DOWN, KeyEvent.VK_S -> down = pressed;
            default -> {
                // other keys do nothing
            }
        }
    }
}

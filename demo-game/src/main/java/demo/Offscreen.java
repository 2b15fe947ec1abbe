package demo;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Frames drawn into an image in memory: for headless runs, and for screenshots. */
final class Offscreen implements Screen {
    private final BufferedImage image;

    Offscreen(int width, int height) {
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    @Override
    public Graphics2D beginFrame() {
        return image.createGraphics();
    }

    @Override
    public void endFrame(Graphics2D g) {
        g.dispose();
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    /**
     * Writes the last frame as a PNG. It goes to a temporary file first and is then moved into place, so
     * whoever watches {@code png} never reads half a picture.
     *
     * @param png the file to write, replaced if it exists, never null
     */
    void save(Path png) throws IOException {
        Path absolute = png.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, absolute.getFileName().toString(), ".partial");
        try {
            if (!ImageIO.write(image, "png", partial.toFile())) {
                throw new IOException("no PNG writer in this JDK");
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}

package dev.reload.agent.watch;

import dev.reload.patcher.shape.ClassShape;

import java.nio.file.Path;

/**
 * Told about each class file the collector reads whole into its shape while its burst's writes go on, so that the work
 * the batch will do on that file alone (judging it against what runs, conforming it) is done before the burst's last
 * write, rather than all of it after. The batch later uses what was done only for the very bytes and shape it hands
 * out, and for a class whose state is what it was then.
 */
@FunctionalInterface
public interface ReadWhole {
    /**
     * Does nothing. Not a lambda: the collector is made in {@code premain}, where the first lambda spins classes before
     * the program starts.
     */
    ReadWhole NONE = new ReadWhole() {
        @Override
        public void read(Path file, byte[] bytes, ClassShape shape) {
            // nothing to prepare
        }
    };

    /**
     * Prepares what a batch holding this file will need of it. May run on several threads at once (the batch helpers);
     * never throws.
     *
     * @param file the class file, never null
     * @param bytes its content as read, never null; not to be modified
     * @param shape the shape of {@code bytes}, never null
     */
    void read(Path file, byte[] bytes, ClassShape shape);
}

package dev.reload.agent.parallel;

import java.util.Objects;

/**
 * What one step of a batch gave for one item: its value, or the checked exception that says why it has none. A
 * step that runs on several threads at once returns this instead of throwing, so that one bad item (a file that
 * does not parse, a file deleted before it was read) does not end the batch; the caller decides, item by item,
 * with {@link #value()}.
 *
 * @param <T> the value's type
 * @param <E> the exception the step may end with
 */
public sealed interface Attempt<T, E extends Exception> {
    /**
     * {@return the value}
     *
     * @throws E the exception the step ended with, when it gave no value
     */
    T value() throws E;

    /**
     * A step that gave a value.
     *
     * @param value the value, never null
     */
    record Done<T, E extends Exception>(T value) implements Attempt<T, E> {
        /** Checks that the value is not null. */
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A step that ended with an exception.
     *
     * @param failure why it gave no value, never null
     */
    record Failed<T, E extends Exception>(E failure) implements Attempt<T, E> {
        /** Checks that the failure is not null. */
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public T value() throws E {
            throw failure;
        }
    }

    /**
     * A step that may end with a checked exception of one type.
     *
     * @param <I> the item's type
     * @param <T> the value's type
     * @param <E> the exception's type
     */
    @FunctionalInterface
    interface Step<I, T, E extends Exception> {
        /**
         * {@return the value for the item, never null}
         *
         * @throws E when there is none
         */
        T apply(I item) throws E;
    }

    /**
     * {@return what the step gives for the item: its value, or the exception of type {@code failureType} it threw}
     * An unchecked exception is thrown on.
     *
     * @param item what the step works on
     * @param step the step, never null
     * @param failureType the checked exception the step declares, never null
     */
    static <I, T, E extends Exception> Attempt<T, E> of(I item, Step<? super I, ? extends T, E> step,
                                                      Class<E> failureType) {
        try {
            return new Done<>(step.apply(item));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // The step declares E alone, so any other checked exception here would be a compiler's lie.
            return new Failed<>(failureType.cast(e));
        }
    }
}

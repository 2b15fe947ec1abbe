package dev.reload.agent.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics of a list of measured nanoseconds, shown in milliseconds. */
final class Stats {
    private final List<Long> sorted;

    private Stats(List<Long> nanos) {
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        this.sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
    }

    /** {@return the statistics of these measurements, which must not be empty} */
    static Stats of(List<Long> nanos) {
        return new Stats(nanos);
    }

    int count() {
        return sorted.size();
    }

    /** {@return the median in nanoseconds: the mean of the middle two for an even count} */
    double median() {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** {@return the nearest-rank percentile in nanoseconds} */
    double percentile(int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    double max() {
        return sorted.get(sorted.size() - 1);
    }

    double min() {
        return sorted.get(0);
    }

    /** {@return nanoseconds as milliseconds with one decimal, such as {@code 12.3}} */
    static String ms(double nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    /** {@return a difference of nanoseconds as signed milliseconds with one decimal, such as {@code +1.5}} */
    static String signedMs(double nanos) {
        return String.format("%+.1f", nanos / 1e6);
    }

    /** {@return a ratio with two decimals and a times sign, such as {@code 1.25x}} */
    static String ratio(double numerator, double denominator) {
        return String.format("%.2fx", numerator / denominator);
    }
}

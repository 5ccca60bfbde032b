package dev.spate.interop;

import java.util.function.Supplier;

/** A value computed on first use and kept: what a probe of an installed program learns. */
final class Memo<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private T value;
    private boolean done;

    private Memo(Supplier<T> compute) {
        this.compute = compute;
    }

    static <T> Memo<T> of(Supplier<T> compute) {
        return new Memo<>(compute);
    }

    @Override
    public synchronized T get() {
        if (!done) {
            value = compute.get();
            done = true;
        }
        return value;
    }
}

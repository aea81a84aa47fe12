package io.wharf.web.application;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Background work that runs at most {@code n} at a time on the managed executor (webhook deliveries, sync jobs): the
 * free slots are taken before claiming, so no more is claimed than can start, and nothing ever waits for a slot.
 */
final class WorkSlots {
    private final Semaphore slots;

    WorkSlots(int n) {
        this.slots = new Semaphore(n);
    }

    /** Claims as much work as there are free slots ({@code claim} gets the number) and starts each on the executor. */
    <T> void start(IntFunction<List<T>> claim, ExecutorService executor, Consumer<T> work) {
        int taken = slots.drainPermits();
        if (taken == 0) {
            return;
        }
        int started = 0;
        try {
            for (T item : claim.apply(taken)) {
                executor.execute(() -> {
                    try {
                        work.accept(item);
                    } finally {
                        slots.release();
                    }
                });
                started++;
            }
        } catch (RejectedExecutionException stopping) {
            // The application is stopping: what was claimed waits for its lease or the next start.
        } finally {
            slots.release(taken - started);
        }
    }
}

package io.wharf.web.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs what was submitted when the test says so, on the test's thread (and what that submits in turn). */
public final class HeldExecutor extends AbstractExecutorService {
    private final List<Runnable> held = new ArrayList<>();

    public void runAll() {
        while (!held.isEmpty()) {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    @Override
    public void execute(Runnable command) {
        held.add(command);
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}

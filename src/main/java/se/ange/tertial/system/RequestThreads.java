package se.ange.tertial.system;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The executor of API routes that block ({@code @ExecuteOn(RequestThreads.NAME)}) and of the token lookup before
 * them: a request's work runs on one blocking thread instead of two. The lookup runs here on a blocking thread, the
 * security filter goes on from there when it is done, and the route then starts on that same thread rather than
 * waking another one of the blocking pool (a thread hop costs a wake-up, a context switch and cold caches: per
 * status report a tenth of its time on a busy machine, issue 17). A task handed over from any other thread, the
 * event loop above all, still goes to the blocking pool, so nothing blocks the event loop.
 */
@Singleton
@Named(RequestThreads.NAME)
public final class RequestThreads extends AbstractExecutorService {

    public static final String NAME = "request";

    /** Set while a task of this executor runs: the thread may block, and a next task may run on it at once. */
    private static final ThreadLocal<Boolean> RUNNING_HERE = new ThreadLocal<>();

    private final ExecutorService blocking;

    RequestThreads(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
    }

    @Override
    public void execute(Runnable task) {
        if (RUNNING_HERE.get() != null) {
            task.run();
        } else {
            blocking.execute(() -> {
                RUNNING_HERE.set(Boolean.TRUE);
                try {
                    task.run();
                } finally {
                    RUNNING_HERE.remove();
                }
            });
        }
    }

    // the blocking pool's life is the application context's: this view of it is neither shut down nor awaited

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return blocking.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return blocking.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return blocking.awaitTermination(timeout, unit);
    }
}

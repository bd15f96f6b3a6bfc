package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestThreadsTest {

    private final ExecutorService blocking = Executors.newCachedThreadPool();
    private final RequestThreads threads = new RequestThreads(blocking);

    @AfterEach
    void stop() {
        blocking.shutdownNow();
    }

    @Test
    void a_task_from_another_thread_runs_on_the_blocking_pool() throws Exception {
        Thread caller = Thread.currentThread();

        Thread ran = CompletableFuture.supplyAsync(Thread::currentThread, threads).get(5, TimeUnit.SECONDS);

        assertThat(ran).isNotSameAs(caller);
    }

    @Test
    void a_task_handed_over_by_a_task_of_its_own_runs_at_once_on_the_same_thread() throws Exception {
        // as a route after the token lookup: the lookup's completion hands the route over from the lookup's thread
        CompletableFuture<Thread[]> threadsOfBoth = CompletableFuture.supplyAsync(() -> {
            Thread lookup = Thread.currentThread();
            Thread[] route = new Thread[1];
            threads.execute(() -> route[0] = Thread.currentThread());
            return new Thread[] {lookup, route[0]};
        }, threads);

        Thread[] both = threadsOfBoth.get(5, TimeUnit.SECONDS);
        assertThat(both[1]).isSameAs(both[0]);
    }

    @Test
    void a_blocking_pool_thread_that_ran_a_task_hands_the_next_one_over_again() throws Exception {
        // the mark lasts while a task runs, not for the pool thread's life: later work from it is not run inline
        CompletableFuture.runAsync(() -> { }, threads).get(5, TimeUnit.SECONDS);
        CompletableFuture<Boolean> inline = CompletableFuture.supplyAsync(() -> {
            Thread self = Thread.currentThread();
            CompletableFuture<Thread> handed = CompletableFuture.supplyAsync(Thread::currentThread, threads);
            return handed.join() == self;
        }, blocking);

        assertThat(inline.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void shutting_this_view_down_leaves_the_blocking_pool_running() {
        threads.shutdown();

        assertThat(threads.isShutdown()).isFalse();
        assertThat(blocking.isShutdown()).isFalse();
    }
}

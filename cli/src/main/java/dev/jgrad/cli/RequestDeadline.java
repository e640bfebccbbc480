package dev.jgrad.cli;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One server's limit on how long a request may take to arrive: from the moment a worker takes the connection up,
 * its head and body must be read within the limit, or the worker is interrupted, and a socket channel that a thread
 * is blocked on closes when that thread is interrupted: the client is cut off and the worker freed. The JDK's own
 * limit ({@code sun.net.httpserver.maxReqTime}) is a system property read once per process; this one belongs to a
 * server, so a test can give its server a short one.
 */
final class RequestDeadline {
    private final long nanos;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadLocal<Armed> current = new ThreadLocal<>();

    RequestDeadline(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a request's time limit must be positive: " + limit);
        }
        this.nanos = limit.toNanos();
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jgrad-serve-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        // Idle, the timer's thread ends: nothing to close, and requests still queued when the server stops keep their deadline.
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
    }

    /** {@code exchange} run with the deadline armed from its start until {@link #met} or its end. */
    Runnable guard(Runnable exchange) {
        return () -> {
            Armed armed = new Armed(Thread.currentThread());
            armed.future = timer.schedule(armed::expire, nanos, TimeUnit.NANOSECONDS);
            current.set(armed);
            try {
                exchange.run();
            } finally {
                current.remove();
                armed.disarm();
            }
        };
    }

    /** The request this thread is reading has arrived whole: answering it is not timed by this deadline. */
    void met() {
        Armed armed = current.get();
        if (armed != null) {
            armed.disarm();
        }
    }

    /** A deadline on one worker's exchange; expiring and disarming exclude each other, so an interrupt never outlives its exchange. */
    private static final class Armed {
        private final Thread worker;
        private ScheduledFuture<?> future;
        private boolean done;

        Armed(Thread worker) {
            this.worker = worker;
        }

        synchronized void expire() {
            if (!done) {
                done = true;
                worker.interrupt();
            }
        }

        /** Called on the worker itself: after this no interrupt comes, and none left over reaches its next task. */
        void disarm() {
            synchronized (this) {
                done = true;
            }
            future.cancel(false);
            Thread.interrupted();
        }
    }
}

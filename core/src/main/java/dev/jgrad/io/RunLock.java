package dev.jgrad.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time in a runs folder, whether the others are threads of this process or other
 * processes: a lock on a file in the folder (the operating system's, released when its holder dies)
 * and, because a JVM may hold a file's lock only once, a lock per folder inside this JVM too.
 * Where the file system has no locks, {@link #held()} is false and the caller must act as if others
 * may be writing.
 */
final class RunLock implements AutoCloseable {
    static final String FILE = ".lock";
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until this caller is the only writer in {@code runs}, an existing folder. */
    static RunLock take(Path runs) throws IOException {
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(runs.toRealPath(), p -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(runs.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            return new RunLock(local, channel, channel.lock());
        } catch (IOException | UnsupportedOperationException e) {
            // No locks here (some network file systems): the writers only give up tidying.
            return new RunLock(local, channel, null);
        }
    }

    /** Whether other processes are kept out too, not only other threads. */
    boolean held() {
        return lock != null;
    }

    @Override
    public void close() throws IOException {
        try {
            if (channel != null) {
                channel.close();   // releases the lock
            }
        } finally {
            local.unlock();
        }
    }
}

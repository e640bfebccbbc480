package dev.jgrad.cli;

/** Stands in for jgrad.jar in the launcher's signal test: says its process id, then waits to be stopped. */
public final class LauncherSleeper {
    private LauncherSleeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println(ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(120_000);
    }
}

package dev.spate.interop;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;

/** A {@link RunningPeer} that is one {@link ExternalProcess}; drivers say how to read its state. */
abstract class ProcessPeer implements RunningPeer {
    final ExternalProcess process;
    private final String name;
    private final int port;

    ProcessPeer(String name, ExternalProcess process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** Asks the client; never throws: false when it cannot tell. */
    @Override
    public abstract boolean isComplete();

    /** What the client says of itself beyond its log (an API's answer), or "". */
    String status() {
        return "";
    }

    /**
     * Waits for {@code ready}, stopping the process and throwing if it exits or time runs out
     * first. For the drivers' start methods.
     */
    final void awaitStart(String what, Duration timeout, BooleanSupplier ready) throws IOException,
            InterruptedException {
        boolean ok = Poll.until(timeout, () -> !process.isAlive() || ready.getAsBoolean()) && process.isAlive();
        if (!ok) {
            String description = describe();
            close();
            throw new IOException(name + " did not " + what + " within " + timeout.toSeconds() + " s: "
                    + description);
        }
    }

    /** Waits until the peer port accepts connections; see {@link #awaitStart}. */
    final void awaitListening(Duration timeout) throws IOException, InterruptedException {
        awaitStart("listen on 127.0.0.1:" + port, timeout, () -> LoopbackPorts.acceptsTcp(port));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int port() {
        return port;
    }

    @Override
    public final long pid() {
        return process.pid();
    }

    @Override
    public final boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public final boolean awaitComplete(Duration timeout) throws InterruptedException {
        Poll.until(timeout, () -> isComplete() || !process.isAlive());
        return isComplete();
    }

    @Override
    public OptionalDouble progress() {
        return OptionalDouble.empty();
    }

    @Override
    public final String describe() {
        String status = process.isAlive() ? status() : "";
        return (status.isEmpty() ? "" : name + " reports: " + status + "\n") + process.tail();
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return name + " on 127.0.0.1:" + port + " (pid " + process.pid() + ")";
    }
}

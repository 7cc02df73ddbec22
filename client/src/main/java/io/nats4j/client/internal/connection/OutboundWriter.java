package io.nats4j.client.internal.connection;

import io.nats4j.client.internal.protocol.GrowableBuffer;
import io.nats4j.client.internal.threads.ConnectionScheduler;
import io.nats4j.client.internal.threads.ThreadSource;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * The writer of one transport: takes what piled up in the {@link Outbound} buffer and writes it to
 * the socket in one call, outside the buffer's lock, as soon as there are bytes (no timer). It
 * neither encodes nor keeps time.
 *
 * <p>Thread-safety: its state is confined to its thread, {@code nats4j-writer-<id>}.
 */
final class OutboundWriter {
  private static final int INITIAL_BUFFER = 64 * 1024;
  private static final int SHRINK_ABOVE = 4 * 1024 * 1024;

  private final Outbound outbound;
  private final OutputStream out;
  private final Consumer<Throwable> onFailure;
  private final Thread thread;
  private volatile ConnectionScheduler.Timer keepAlive;
  private IOException callerFailure; // guarded by the Outbound lock

  /**
   * Creates the writer; {@link Outbound#attach} starts it.
   *
   * @param outbound the buffer
   * @param out the socket's output
   * @param threads where the thread comes from
   * @param threadName the thread name
   * @param onFailure called on the writer thread when a write fails unexpectedly
   */
  OutboundWriter(
      Outbound outbound,
      OutputStream out,
      ThreadSource threads,
      String threadName,
      Consumer<Throwable> onFailure) {
    this.outbound = outbound;
    this.out = out;
    this.onFailure = onFailure;
    this.thread = threads.newThread(threadName, this::run);
  }

  Thread thread() {
    return thread;
  }

  /** Remembers the keep-alive ticks of this transport, to stop them with it. */
  void keepAlive(ConnectionScheduler.Timer timer) {
    keepAlive = timer;
  }

  /** Stops the keep-alive ticks: the transport is gone and must not stay reachable from them. */
  void stopKeepAlive() {
    ConnectionScheduler.Timer t = keepAlive;
    if (t != null) {
      t.cancel();
    }
  }

  void start() {
    thread.start();
  }

  /**
   * Tells whether the calling thread may write to this writer's socket itself ({@link
   * Outbound#publishNow}): any thread but this writer's own.
   */
  boolean canWriteNow() {
    return Thread.currentThread() != thread;
  }

  /**
   * Writes bytes on the calling thread while the writer thread is parked and {@link Outbound} keeps
   * it from writing until this returns.
   *
   * @param bytes what to write
   * @throws IOException if the write failed
   */
  void writeNow(GrowableBuffer bytes) throws IOException {
    out.write(bytes.array(), 0, bytes.length());
  }

  /** A caller's write failed; the writer thread reports it. Called under the Outbound lock. */
  void failed(IOException cause) {
    if (callerFailure == null) {
      callerFailure = cause;
    }
  }

  /** Called under the Outbound lock by the writer thread. */
  void throwIfFailed() throws IOException {
    if (callerFailure != null) {
      throw callerFailure;
    }
  }

  private void run() {
    GrowableBuffer writing = new GrowableBuffer(INITIAL_BUFFER);
    try {
      while (true) {
        GrowableBuffer full = outbound.awaitWork(this, writing);
        if (full == null) {
          return;
        }
        int written = full.length();
        out.write(full.array(), 0, written);
        // give memory back after a burst, but never churn while the load stays high
        if (full.capacity() > SHRINK_ABOVE && written < full.capacity() / 16) {
          writing = new GrowableBuffer(INITIAL_BUFFER);
        } else {
          full.clear();
          writing = full;
        }
      }
    } catch (InterruptedException e) {
      // stopped
    } catch (IOException | RuntimeException e) {
      if (!outbound.stopped(this)) {
        onFailure.accept(e);
      }
    }
  }
}

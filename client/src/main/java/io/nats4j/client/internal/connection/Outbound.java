package io.nats4j.client.internal.connection;

import io.nats4j.client.BufferFullException;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.NatsException;
import io.nats4j.client.internal.protocol.GrowableBuffer;
import io.nats4j.client.internal.protocol.ProtocolWriter;
import io.nats4j.client.internal.transport.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The outbound side of a connection: the buffer publishers append encoded ops to, the writer thread
 * that sends it, the PING/PONG bookkeeping (flush futures, keep-alive, stale detection).
 *
 * <p>Thread-safety and threading model: one lock guards everything here. A publisher takes it once,
 * encodes straight into {@code pending} and signals the writer only if the writer is parked. The
 * writer swaps {@code pending} with its own {@code writing} buffer under the lock and writes
 * outside it, so publishers keep appending while a write is in flight; whatever piled up meanwhile
 * goes out in the next single write. There is no timer: the writer writes as soon as there are
 * bytes. The buffer survives a lost transport (the reconnect buffer): while detached, publishes are
 * bounded by the reconnect buffer size and fail at once when it is full.
 */
public final class Outbound {
  /** The writer's answer to "what now?" when it has to run the keep-alive. */
  interface KeepAlive {
    /** The connection is stale: max pings out without PONG. */
    void stale();
  }

  private static final int INITIAL_BUFFER = 64 * 1024;
  private static final int SHRINK_ABOVE = 4 * 1024 * 1024;

  /** Marks a keep-alive PING in the waiter queue: its PONG completes nothing. */
  private static final CompletableFuture<Void> KEEP_ALIVE = new CompletableFuture<>();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition workAvailable = lock.newCondition();
  private final Condition spaceAvailable = lock.newCondition();
  private final ArrayDeque<CompletableFuture<Void>> pongWaiters = new ArrayDeque<>();
  private final ArrayDeque<CompletableFuture<Void>> deferredPings = new ArrayDeque<>();
  private final int maxOutboundBytes;
  private final long publishBlockNanos;
  private final int reconnectBufferBytes;
  private final long pingIntervalNanos;
  private final int maxPingsOut;

  // all guarded by lock
  private GrowableBuffer pending = new GrowableBuffer(INITIAL_BUFFER);
  private Writer writer;
  private boolean writerParked;
  private int blockedPublishers;
  private boolean closed;
  private int pingsOut;
  private volatile long lastPongNanos = System.nanoTime();
  private long outMessages;
  private long outBytes;

  private volatile long maxPayload = Long.MAX_VALUE;

  /**
   * Creates the outbound side.
   *
   * @param maxOutboundBytes bound while connected
   * @param publishBlockNanos how long a publisher waits for room
   * @param reconnectBufferBytes bound while disconnected
   * @param pingIntervalNanos keep-alive interval
   * @param maxPingsOut unanswered pings before stale
   */
  public Outbound(
      int maxOutboundBytes,
      long publishBlockNanos,
      int reconnectBufferBytes,
      long pingIntervalNanos,
      int maxPingsOut) {
    this.maxOutboundBytes = maxOutboundBytes;
    this.publishBlockNanos = publishBlockNanos;
    this.reconnectBufferBytes = reconnectBufferBytes;
    this.pingIntervalNanos = pingIntervalNanos;
    this.maxPingsOut = maxPingsOut;
  }

  /**
   * Sets the server's max payload (from INFO).
   *
   * @param maxPayload bytes of headers plus payload
   */
  public void maxPayload(long maxPayload) {
    this.maxPayload = maxPayload > 0 ? maxPayload : Long.MAX_VALUE;
  }

  /**
   * Returns the server's max payload.
   *
   * @return bytes of headers plus payload the server accepts
   */
  public long maxPayload() {
    return maxPayload;
  }

  /**
   * Appends a PUB or HPUB. The hot path: one lock, no allocation, no syscall.
   *
   * @param subject validated subject bytes
   * @param replyTo validated reply bytes or null
   * @param headers encoded header block or null
   * @param data payload
   */
  public void publish(byte[] subject, byte[] replyTo, byte[] headers, byte[] data) {
    int size = data.length + (headers == null ? 0 : headers.length);
    lock.lock();
    try {
      awaitRoom(size + subject.length + 64);
      if (headers == null) {
        ProtocolWriter.pub(pending, subject, replyTo, data, 0, data.length);
      } else {
        ProtocolWriter.hpub(pending, subject, replyTo, headers, data, 0, data.length);
      }
      outMessages++;
      outBytes += size;
      wakeWriter();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Appends any op the caller encodes (SUB, UNSUB, PONG).
   *
   * @param encoder writes into the buffer
   */
  public void write(Consumer<GrowableBuffer> encoder) {
    lock.lock();
    try {
      if (closed) {
        throw new ConnectionClosedException("the connection is closed");
      }
      encoder.accept(pending);
      wakeWriter();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Appends a PING whose PONG completes the returned future. While detached, the PING is sent first
   * thing after the bytes buffered meanwhile, once a transport is attached again.
   *
   * @return completes on the reader thread when the PONG arrives
   */
  public CompletableFuture<Void> ping() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    lock.lock();
    try {
      if (closed) {
        throw new ConnectionClosedException("the connection is closed");
      }
      if (writer == null) {
        // disconnected: the PING goes out after the buffered messages on the next transport
        deferredPings.addLast(f);
        return f;
      }
      ProtocolWriter.ping(pending);
      pongWaiters.addLast(f);
      wakeWriter();
    } finally {
      lock.unlock();
    }
    return f;
  }

  /**
   * The keep-alive backstop for a writer stuck in a write (a frozen server, a full socket buffer):
   * stale when no PONG came for half an interval longer than the writer's own rule ({@code
   * maxPingsOut + 1} intervals), so the writer normally decides first.
   *
   * @param nowNanos {@link System#nanoTime()}
   * @return true if the connection must be considered stale
   */
  public boolean staleWhileBlocked(long nowNanos) {
    return nowNanos - lastPongNanos > staleAfterNanos();
  }

  /**
   * Returns the silence after which {@link #staleWhileBlocked} reports stale.
   *
   * @return milliseconds
   */
  public long staleAfterMillis() {
    return staleAfterNanos() / 1_000_000;
  }

  private long staleAfterNanos() {
    return pingIntervalNanos * (maxPingsOut + 1) + pingIntervalNanos / 2;
  }

  /** The reader got a PONG. */
  public void onPong() {
    CompletableFuture<Void> f;
    lock.lock();
    try {
      pingsOut = 0;
      lastPongNanos = System.nanoTime();
      f = pongWaiters.pollFirst();
    } finally {
      lock.unlock();
    }
    if (f != null && f != KEEP_ALIVE) {
      f.complete(null);
    }
  }

  /**
   * Returns the counters.
   *
   * @return {out messages, out bytes}
   */
  public long[] counters() {
    lock.lock();
    try {
      return new long[] {outMessages, outBytes};
    } finally {
      lock.unlock();
    }
  }

  private void awaitRoom(int needed) {
    if (closed) {
      throw new ConnectionClosedException("the connection is closed");
    }
    if (writer == null) {
      if (pending.length() + needed > reconnectBufferBytes) {
        throw new BufferFullException(
            "not connected and the reconnect buffer ("
                + reconnectBufferBytes
                + " bytes) is full; the message was not sent");
      }
      return;
    }
    if (pending.length() == 0 || pending.length() + needed <= maxOutboundBytes) {
      return;
    }
    long nanos = publishBlockNanos;
    blockedPublishers++;
    try {
      while (pending.length() > 0 && pending.length() + needed > maxOutboundBytes) {
        if (closed) {
          throw new ConnectionClosedException("the connection is closed");
        }
        if (nanos <= 0) {
          throw new BufferFullException(
              "the outbound buffer ("
                  + maxOutboundBytes
                  + " bytes) stayed full: the network or server cannot keep up; the message was"
                  + " not sent");
        }
        nanos = spaceAvailable.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsException("interrupted while waiting for room in the outbound buffer", e);
    } finally {
      blockedPublishers--;
    }
  }

  private void wakeWriter() {
    if (writerParked) {
      writerParked = false;
      workAvailable.signal();
    }
  }

  /**
   * Starts a writer thread on a new transport. Bytes buffered while detached go first after {@code
   * preamble} (resubscriptions).
   *
   * @param transport the connected transport
   * @param preamble ops to send before the buffered ones, or null
   * @param threadName the writer thread name
   * @param onFailure called (on the writer thread) when a write fails
   * @param keepAlive called when the connection is stale
   */
  public void attach(
      Transport transport,
      GrowableBuffer preamble,
      String threadName,
      Consumer<Throwable> onFailure,
      KeepAlive keepAlive) {
    lock.lock();
    try {
      if (preamble != null && preamble.length() > 0) {
        preamble.write(pending.array(), 0, pending.length());
        pending.clear();
        GrowableBuffer old = pending;
        pending = preamble;
        old.clear();
      }
      for (CompletableFuture<Void> f : deferredPings) {
        ProtocolWriter.ping(pending);
        pongWaiters.addLast(f);
      }
      deferredPings.clear();
      pingsOut = 0;
      lastPongNanos = System.nanoTime();
      writer = new Writer(transport.out(), threadName, onFailure, keepAlive);
      writer.thread.start();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the writer of a lost transport; buffered bytes stay for the next one and PONG waiters
   * fail.
   *
   * @param cause why
   * @return the writer thread to join, or null
   */
  public Thread detach(Throwable cause) {
    Writer w;
    ArrayDeque<CompletableFuture<Void>> waiters;
    lock.lock();
    try {
      w = writer;
      writer = null;
      if (w != null) {
        w.stopped = true;
      }
      writerParked = false;
      workAvailable.signalAll();
      spaceAvailable.signalAll();
      waiters = new ArrayDeque<>(pongWaiters);
      pongWaiters.clear();
    } finally {
      lock.unlock();
    }
    NatsException failure =
        cause instanceof NatsException ne
            ? ne
            : new ConnectionClosedException("the connection was lost", cause);
    waiters.stream().filter(f -> f != KEEP_ALIVE).forEach(f -> f.completeExceptionally(failure));
    return w == null ? null : w.thread;
  }

  /**
   * Closes for good: the writer sends what is buffered, then stops.
   *
   * @return the writer thread to join, or null
   */
  public Thread close() {
    lock.lock();
    try {
      closed = true;
      Writer w = writer;
      if (w != null) {
        w.drainAndStop = true;
      }
      writerParked = false;
      workAvailable.signalAll();
      spaceAvailable.signalAll();
      return w == null ? null : w.thread;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Fails the PONG waiters after close.
   *
   * @param cause the reason
   */
  public void failWaiters(NatsException cause) {
    ArrayDeque<CompletableFuture<Void>> waiters;
    lock.lock();
    try {
      waiters = new ArrayDeque<>(pongWaiters);
      waiters.addAll(deferredPings);
      pongWaiters.clear();
      deferredPings.clear();
    } finally {
      lock.unlock();
    }
    waiters.stream().filter(f -> f != KEEP_ALIVE).forEach(f -> f.completeExceptionally(cause));
  }

  /** The writer of one transport. */
  private final class Writer {
    final OutputStream out;
    final Thread thread;
    final Consumer<Throwable> onFailure;
    final KeepAlive keepAlive;
    GrowableBuffer writing = new GrowableBuffer(INITIAL_BUFFER);
    boolean stopped; // guarded by lock
    boolean drainAndStop; // guarded by lock
    long nextPingAt = System.nanoTime() + pingIntervalNanos;

    Writer(
        OutputStream out, String threadName, Consumer<Throwable> onFailure, KeepAlive keepAlive) {
      this.out = out;
      this.onFailure = onFailure;
      this.keepAlive = keepAlive;
      this.thread = new Thread(this::run, threadName);
      this.thread.setDaemon(true);
    }

    private void run() {
      try {
        while (true) {
          if (!takeWork()) {
            return;
          }
          int written = writing.length();
          out.write(writing.array(), 0, written);
          // give memory back after a burst, but never churn while the load stays high
          if (writing.capacity() > SHRINK_ABOVE && written < writing.capacity() / 16) {
            writing = new GrowableBuffer(INITIAL_BUFFER);
          } else {
            writing.clear();
          }
        }
      } catch (IOException | RuntimeException e) {
        boolean expected;
        lock.lock();
        try {
          expected = stopped || drainAndStop;
        } finally {
          lock.unlock();
        }
        if (!expected) {
          onFailure.accept(e);
        }
      }
    }

    /** Waits for bytes (or a due keep-alive), then swaps buffers. False when it must stop. */
    private boolean takeWork() {
      boolean stale = false;
      lock.lock();
      try {
        while (true) {
          if (stopped) {
            return false;
          }
          long now = System.nanoTime();
          if (now - nextPingAt >= 0) {
            nextPingAt = now + pingIntervalNanos;
            if (pingsOut >= maxPingsOut) {
              stale = true;
              return false;
            }
            pingsOut++;
            ProtocolWriter.ping(pending);
            pongWaiters.addLast(KEEP_ALIVE);
          }
          if (pending.length() > 0) {
            break;
          }
          if (drainAndStop) {
            return false;
          }
          writerParked = true;
          try {
            workAvailable.awaitNanos(nextPingAt - now);
          } catch (InterruptedException e) {
            return false;
          } finally {
            writerParked = false;
          }
        }
        GrowableBuffer full = pending;
        pending = writing;
        writing = full;
        if (blockedPublishers > 0) {
          spaceAvailable.signalAll();
        }
        return true;
      } finally {
        lock.unlock();
        if (stale) {
          keepAlive.stale();
        }
      }
    }
  }
}

package io.nats4j.client.internal.connection;

import io.nats4j.client.BufferFullException;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.NatsException;
import io.nats4j.client.internal.protocol.GrowableBuffer;
import io.nats4j.client.internal.protocol.ProtocolWriter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The outbound buffer of a connection: what publishers append encoded ops to, the PONG waiters of
 * the PINGs in it, and which bytes belong to which transport. Writing it is {@link
 * OutboundWriter}'s job, sending keep-alive PINGs {@link KeepAlive}'s.
 *
 * <p>Thread-safety and threading model: one lock guards everything here. A publisher takes it once,
 * encodes straight into {@code pending} and signals the writer only if the writer is parked. The
 * writer swaps {@code pending} with its own buffer under the lock ({@link #awaitWork}) and writes
 * outside it, so publishers keep appending while a write is in flight. The buffer survives a lost
 * transport (the reconnect buffer), but only its messages do: control ops (PING, PONG, SUB, UNSUB)
 * belong to the transport they were queued for, and {@link #detach} removes the ones not written
 * yet (their PONG waiters fail; the next transport gets fresh resubscriptions and PINGs).
 */
public final class Outbound {
  private static final int INITIAL_BUFFER = 64 * 1024;
  private static final int DIRECT_BUFFER = 1024;
  private static final int DIRECT_BUFFER_KEEP = INITIAL_BUFFER;

  /**
   * How long the writer lingers, parked, after a write before it parks for good; publishes on a
   * dispatcher thread ({@link WakeDeferral}) and JetStream acks ({@link #publishLingering}) do not
   * wake it meanwhile.
   */
  static final long LINGER_NANOS = 1_000_000;

  /** Marks a keep-alive PING in the waiter queue: its PONG completes nothing. */
  static final CompletableFuture<Void> KEEP_ALIVE = new CompletableFuture<>();

  /** What a keep-alive tick found. */
  enum KeepAliveResult {
    /** A PING was queued. */
    SENT,
    /** Too many PINGs are unanswered: the transport is stale. */
    STALE,
    /** The writer the tick was for is gone. */
    DETACHED
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition workAvailable = lock.newCondition();
  private final Condition spaceAvailable = lock.newCondition();
  private final ArrayDeque<CompletableFuture<Void>> pongWaiters = new ArrayDeque<>();
  private final ArrayDeque<CompletableFuture<Void>> deferredPings = new ArrayDeque<>();
  private final int maxOutboundBytes;
  private final long publishBlockNanos;
  private final int reconnectBufferBytes;
  private final int maxPingsOut;
  private final long lingerNanos;

  // all guarded by lock
  private GrowableBuffer pending = new GrowableBuffer(INITIAL_BUFFER);
  private int[] controlRanges = new int[16]; // [start, end) pairs of control ops in pending
  private int controlCount; // ints used in controlRanges
  private OutboundWriter writer;
  private boolean writerParked;
  private boolean writerLingering; // parked with a timeout after a write
  private long wakeUps; // signals given to a parked writer (tests)
  private int blockedPublishers;
  private OutboundWriter directFor; // a caller is writing to this writer's socket (writeNow)
  private GrowableBuffer directSpare; // what pending becomes while a caller writes, lazily made
  private boolean closed;
  private NatsException closeReason; // why it closed, null for close() by the application
  private int pingsOut;
  private long outMessages;
  private long outBytes;
  private long handedUpTo; // sequence of the last message handed to a writer
  private volatile long lostUpTo; // handedUpTo when the last transport was lost

  private volatile long maxPayload = Long.MAX_VALUE;

  /**
   * Creates the outbound buffer.
   *
   * @param maxOutboundBytes bound while connected
   * @param publishBlockNanos how long a publisher waits for room
   * @param reconnectBufferBytes bound while disconnected
   * @param maxPingsOut unanswered keep-alive pings before stale
   */
  public Outbound(
      int maxOutboundBytes, long publishBlockNanos, int reconnectBufferBytes, int maxPingsOut) {
    this(maxOutboundBytes, publishBlockNanos, reconnectBufferBytes, maxPingsOut, LINGER_NANOS);
  }

  /** As above, with the writer's linger after a write (tests make it long to hold it still). */
  Outbound(
      int maxOutboundBytes,
      long publishBlockNanos,
      int reconnectBufferBytes,
      int maxPingsOut,
      long lingerNanos) {
    this.lingerNanos = lingerNanos;
    this.maxOutboundBytes = maxOutboundBytes;
    this.publishBlockNanos = publishBlockNanos;
    this.reconnectBufferBytes = reconnectBufferBytes;
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
   * @return the message's sequence (1, 2, …) in this connection's outbound stream
   */
  public long publish(byte[] subject, byte[] replyTo, byte[] headers, byte[] data) {
    return append(subject, replyTo, headers, data, Hold.NONE);
  }

  /**
   * Appends a PUB or HPUB as {@link #publish} does, and when the writer is parked with nothing
   * buffered and nothing being written, writes it to the socket on the calling thread at once
   * instead of waking the writer: for a caller that is about to wait for a reply anyway (a sync
   * request), this saves the writer's wake-up and its park after the write. Ordering is kept: bytes
   * buffered by anyone meanwhile wait for this write to finish, then the writer sends them. The
   * socket is written outside the lock, never inside {@code synchronized}, so a virtual thread
   * unmounts while it blocks. A failed write is handed to the writer thread, which reports the lost
   * transport as for its own writes.
   *
   * @param subject validated subject bytes
   * @param replyTo validated reply bytes or null
   * @param headers encoded header block or null
   * @param data payload
   * @return the message's sequence (1, 2, …) in this connection's outbound stream
   */
  public long publishNow(byte[] subject, byte[] replyTo, byte[] headers, byte[] data) {
    return publishNow(subject, replyTo, headers, data, false);
  }

  /**
   * Appends a reply without headers to a subject the server gave (a service's or handler's
   * response): written on the calling thread at once as by {@link #publishNow} when the writer is
   * parked for good with nothing buffered (a request/reply exchange: nothing to batch it with, and
   * one writer wake-up saved); otherwise a holdable publish ({@link #publishHoldable}), so replies
   * made while the writer lingers after a write go out with the rest of a dispatcher's batch.
   *
   * @param subject validated subject bytes
   * @param data payload
   */
  public void publishReply(byte[] subject, byte[] data) {
    publishNow(subject, null, null, data, true);
  }

  private long publishNow(
      byte[] subject, byte[] replyTo, byte[] headers, byte[] data, boolean reply) {
    OutboundWriter w;
    GrowableBuffer bytes;
    long seq;
    lock.lock();
    try {
      w = writer;
      if (w == null
          || !writerParked
          || (reply && writerLingering)
          || directFor != null
          || pending.length() != 0
          || !w.canWriteNow()) {
        return append(subject, replyTo, headers, data, reply ? Hold.IN_BATCH : Hold.NONE);
      }
      awaitRoom(0); // throws when closed
      encode(subject, replyTo, headers, data);
      seq = ++outMessages;
      handedUpTo = outMessages;
      bytes = pending;
      pending = directSpare != null ? directSpare : new GrowableBuffer(DIRECT_BUFFER);
      directSpare = null;
      directFor = w;
    } finally {
      lock.unlock();
    }
    IOException failure = null;
    try {
      w.writeNow(bytes);
    } catch (IOException e) {
      failure = e;
    }
    lock.lock();
    try {
      directFor = null;
      bytes.clear();
      if (bytes.capacity() <= DIRECT_BUFFER_KEEP) {
        directSpare = bytes;
      }
      if (failure != null && writer == w) {
        w.failed(failure);
      }
      if (pending.length() > 0 || failure != null || closed) {
        writerParked = false;
        workAvailable.signalAll(); // the writer waits for this write to end
      }
    } finally {
      lock.unlock();
    }
    return seq;
  }

  /**
   * Appends a fire-and-forget PUB (an ack) whose writer wake-up a dispatcher batch may hold back
   * ({@link WakeDeferral}); otherwise as {@link #publish}.
   *
   * @param subject validated subject bytes
   * @param data payload
   */
  public void publishHoldable(byte[] subject, byte[] data) {
    append(subject, null, null, data, Hold.IN_BATCH);
  }

  /**
   * Appends a fire-and-forget PUB (a JetStream ack) that does not wake a writer lingering after a
   * write, from any thread: it goes out with the next publish that wakes the writer (a next pull
   * request) or when the linger ends, at most {@link #LINGER_NANOS} later. A writer parked for good
   * is woken at once.
   *
   * @param subject validated subject bytes
   * @param data payload
   */
  public void publishLingering(byte[] subject, byte[] data) {
    append(subject, null, null, data, Hold.WHILE_LINGERING);
  }

  /** Whether a publish wakes a writer that lingers after a write. */
  private enum Hold {
    /** It wakes it. */
    NONE,
    /** Not until the end of the dispatcher batch that publishes it ({@link WakeDeferral}). */
    IN_BATCH,
    /** Not at all: the linger's end writes it. */
    WHILE_LINGERING
  }

  private long append(byte[] subject, byte[] replyTo, byte[] headers, byte[] data, Hold hold) {
    int size = data.length + (headers == null ? 0 : headers.length);
    lock.lock();
    try {
      awaitRoom(size + subject.length + 64);
      encode(subject, replyTo, headers, data);
      if (hold == Hold.NONE
          || !writerLingering
          || (hold == Hold.IN_BATCH && !WakeDeferral.defer(this))) {
        wakeWriter();
      }
      return ++outMessages;
    } finally {
      lock.unlock();
    }
  }

  private void encode(byte[] subject, byte[] replyTo, byte[] headers, byte[] data) {
    if (headers == null) {
      ProtocolWriter.pub(pending, subject, replyTo, data, 0, data.length);
    } else {
      ProtocolWriter.hpub(pending, subject, replyTo, headers, data, 0, data.length);
    }
    outBytes += data.length + (headers == null ? 0 : headers.length);
  }

  /**
   * Appends a control op (SUB, UNSUB, PONG) for the current transport. With no transport it is
   * dropped: it would mean nothing to the next one (subscriptions go out again in its preamble).
   *
   * @param encoder writes into the buffer
   */
  public void write(Consumer<GrowableBuffer> encoder) {
    lock.lock();
    try {
      if (closed) {
        throw closedException();
      }
      if (writer == null) {
        return;
      }
      int start = pending.length();
      encoder.accept(pending);
      markControl(start);
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
        throw closedException();
      }
      if (writer == null) {
        deferredPings.addLast(f);
        return f;
      }
      appendPing(f);
      wakeWriter();
    } finally {
      lock.unlock();
    }
    return f;
  }

  /**
   * A keep-alive tick for the transport of {@code forWriter}: stale if {@code maxPingsOut} PINGs
   * are still unanswered, else one more PING. It counts PINGs queued, not written, so a writer
   * stuck in a write to a frozen server is noticed by the same rule.
   *
   * @param forWriter the writer the tick was scheduled for
   * @return what happened
   */
  KeepAliveResult keepAlive(OutboundWriter forWriter) {
    lock.lock();
    try {
      if (writer != forWriter || closed) {
        return KeepAliveResult.DETACHED;
      }
      if (pingsOut >= maxPingsOut) {
        return KeepAliveResult.STALE;
      }
      pingsOut++;
      appendPing(KEEP_ALIVE);
      wakeWriter();
      return KeepAliveResult.SENT;
    } finally {
      lock.unlock();
    }
  }

  private void appendPing(CompletableFuture<Void> waiter) {
    int start = pending.length();
    ProtocolWriter.ping(pending);
    markControl(start);
    pongWaiters.addLast(waiter);
  }

  private void markControl(int start) {
    int end = pending.length();
    if (controlCount > 0 && controlRanges[controlCount - 1] == start) {
      controlRanges[controlCount - 1] = end; // adjacent to the previous control op
      return;
    }
    if (controlCount + 2 > controlRanges.length) {
      controlRanges = Arrays.copyOf(controlRanges, controlRanges.length * 2);
    }
    controlRanges[controlCount++] = start;
    controlRanges[controlCount++] = end;
  }

  /** The reader got a PONG. */
  public void onPong() {
    CompletableFuture<Void> f;
    lock.lock();
    try {
      pingsOut = 0;
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

  /** Whether the writer is parked for good, not lingering (tests). */
  boolean writerIdleForTest() {
    lock.lock();
    try {
      return writerParked && !writerLingering;
    } finally {
      lock.unlock();
    }
  }

  /** Bytes waiting for the writer (tests). */
  int pendingBytesForTest() {
    lock.lock();
    try {
      return pending.length();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the sequence of the last message handed to a transport that was lost since.
   *
   * @return 0 before the first loss
   */
  public long lostUpTo() {
    return lostUpTo;
  }

  private void awaitRoom(int needed) {
    if (closed) {
      throw closedException();
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
          throw closedException();
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

  /** The end of a dispatcher's batch: wakes the writer if a publish held its wake-up back. */
  void wakeHeld() {
    lock.lock();
    try {
      if (pending.length() > 0) {
        wakeWriter();
      }
    } finally {
      lock.unlock();
    }
  }

  private void wakeWriter() {
    if (writerParked) {
      writerParked = false;
      wakeUps++;
      workAvailable.signal();
    }
  }

  /** Signals given to a parked writer so far (tests). */
  long wakeUpsForTest() {
    lock.lock();
    try {
      return wakeUps;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the writer is parked with a timeout after a write (tests). */
  boolean writerLingeringForTest() {
    lock.lock();
    try {
      return writerLingering;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes {@code next} the writer of a new transport. Its resubscriptions ({@code preamble}) go
   * first, then the messages buffered while detached, then the PINGs of flushes made meanwhile.
   *
   * @param next the writer, not started yet
   * @param preamble ops to send before the buffered ones, or null
   */
  void attach(OutboundWriter next, GrowableBuffer preamble) {
    lock.lock();
    try {
      controlCount = 0;
      if (preamble != null && preamble.length() > 0) {
        int preambleEnd = preamble.length();
        preamble.write(pending.array(), 0, pending.length());
        pending = preamble;
        controlRanges[controlCount++] = 0;
        controlRanges[controlCount++] = preambleEnd;
      }
      for (CompletableFuture<Void> f : deferredPings) {
        appendPing(f);
      }
      deferredPings.clear();
      pingsOut = 0;
      writer = next;
      next.start();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until there are bytes for {@code w} to write, then swaps them for its empty buffer.
   *
   * @param w the writer asking
   * @param empty its empty buffer
   * @return the bytes to write, or null when {@code w} must stop
   * @throws InterruptedException if interrupted
   * @throws IOException if a caller's write to its socket ({@link #publishNow}) failed
   */
  GrowableBuffer awaitWork(OutboundWriter w, GrowableBuffer empty)
      throws InterruptedException, IOException {
    lock.lock();
    try {
      boolean linger = true; // right after a write (or at start): park briefly first
      while (true) {
        if (writer != w) {
          return null;
        }
        w.throwIfFailed();
        boolean callerWriting = directFor == w; // what is pending must go after its bytes
        if (pending.length() > 0 && !callerWriting) {
          break;
        }
        if (closed && !callerWriting) {
          return null; // close(): all written
        }
        writerParked = true;
        writerLingering = linger;
        try {
          if (linger) {
            workAvailable.awaitNanos(lingerNanos);
            linger = false;
          } else {
            workAvailable.await();
          }
        } finally {
          writerParked = false;
          writerLingering = false;
        }
      }
      GrowableBuffer full = pending;
      pending = empty;
      controlCount = 0;
      handedUpTo = outMessages;
      if (blockedPublishers > 0) {
        spaceAvailable.signalAll();
      }
      return full;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Tells whether {@code w} was stopped on purpose (detached or closed), so its write error is
   * expected.
   */
  boolean stopped(OutboundWriter w) {
    lock.lock();
    try {
      return writer != w || closed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the writer of a lost transport. The messages buffered and not handed to it stay for the
   * next transport; its control ops not written yet are removed and its PONG waiters fail.
   *
   * @param cause why
   * @return the writer thread to join, or null
   */
  public Thread detach(Throwable cause) {
    OutboundWriter w;
    ArrayDeque<CompletableFuture<Void>> waiters;
    lock.lock();
    try {
      w = writer;
      writer = null;
      if (w != null) {
        lostUpTo = handedUpTo;
      }
      removeControlOps();
      pingsOut = 0;
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
    if (w == null) {
      return null;
    }
    w.stopKeepAlive();
    return w.thread();
  }

  private void removeControlOps() {
    if (controlCount == 0) {
      return;
    }
    GrowableBuffer kept = new GrowableBuffer(Math.max(INITIAL_BUFFER, pending.length()));
    byte[] bytes = pending.array();
    int from = 0;
    for (int i = 0; i < controlCount; i += 2) {
      kept.write(bytes, from, controlRanges[i] - from);
      from = controlRanges[i + 1];
    }
    kept.write(bytes, from, pending.length() - from);
    pending = kept;
    controlCount = 0;
  }

  /**
   * Closes for good on the application's request; see {@link #close(NatsException)}.
   *
   * @return the writer thread to join, or null
   */
  public Thread close() {
    return close(null);
  }

  /**
   * Closes for good: the writer sends what is buffered, then stops.
   *
   * @param reason why the connection closed (the cause of every later {@link
   *     ConnectionClosedException}), or null when the application closed it
   * @return the writer thread to join, or null
   */
  public Thread close(NatsException reason) {
    lock.lock();
    try {
      closed = true;
      closeReason = reason;
      OutboundWriter w = writer;
      writerParked = false;
      workAvailable.signalAll();
      spaceAvailable.signalAll();
      if (w == null) {
        return null;
      }
      w.stopKeepAlive();
      return w.thread();
    } finally {
      lock.unlock();
    }
  }

  /** The exception for an operation on the closed connection; called under {@code lock}. */
  private ConnectionClosedException closedException() {
    return ClosedConnections.exception(closeReason);
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
}

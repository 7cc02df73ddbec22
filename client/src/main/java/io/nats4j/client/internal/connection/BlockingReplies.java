package io.nats4j.client.internal.connection;

import io.nats4j.client.Message;
import io.nats4j.client.NatsException;
import io.nats4j.client.Replies;
import io.nats4j.client.RequestManyEnd;
import io.nats4j.client.RequestManyOptions;
import io.nats4j.client.internal.routing.ReplyStream;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The iterator form of request-many: the reader thread only enqueues; the consuming thread applies
 * every end condition while it waits, so no timer is involved and the time the consumer spends
 * between replies never counts as a stall (ADR-47 "callback timing").
 *
 * <p>Thread-safety: one consuming thread; {@link #close()} from any thread. The queue parks with
 * {@code java.util.concurrent} locks, so virtual threads do not pin.
 */
final class BlockingReplies implements Replies, ReplyStream {
  private record Failure(Throwable cause) {}

  private static final Object CLOSED = new Object();

  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final RequestManyOptions options;
  private final long deadline;
  private final long stallNanos;
  private final String subject;
  private volatile Consumer<BlockingReplies> onClose = r -> {};

  private Message next;
  private int taken;
  private volatile RequestManyEnd end;
  private boolean failed;
  private volatile boolean closed;

  BlockingReplies(String subject, RequestManyOptions options, long totalNanos) {
    this.subject = subject;
    this.options = options;
    this.deadline = System.nanoTime() + totalNanos;
    long stall = options.stall() == null ? Long.MAX_VALUE : options.stall().toNanos();
    this.stallNanos = stall >= totalNanos ? Long.MAX_VALUE : stall;
  }

  void onClose(Consumer<BlockingReplies> forget) {
    this.onClose = forget;
  }

  @Override
  public void onReply(Message reply) {
    queue.add(reply);
  }

  @Override
  public void onEnd(Throwable cause) {
    queue.add(new Failure(cause));
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (end != null || failed) {
      return false;
    }
    if (closed) {
      return finish(RequestManyEnd.CANCELLED);
    }
    if (options.maxMessages() > 0 && taken >= options.maxMessages()) {
      return finish(RequestManyEnd.MAX_MESSAGES);
    }
    long remaining = deadline - System.nanoTime();
    boolean stallCounts = taken > 0 && stallNanos < remaining;
    long wait = stallCounts ? stallNanos : remaining;
    Object item;
    try {
      item = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      finish(RequestManyEnd.CANCELLED);
      Thread.currentThread().interrupt();
      throw new NatsException("interrupted while gathering replies to " + subject, e);
    }
    if (item == null) {
      return finish(stallCounts ? RequestManyEnd.STALL : RequestManyEnd.TIMEOUT);
    }
    if (item == CLOSED) {
      return finish(RequestManyEnd.CANCELLED);
    }
    if (item instanceof Failure f) {
      failed = true;
      onClose.accept(this);
      throw Requests.rethrow(f.cause());
    }
    Message reply = (Message) item;
    if (options.isSentinel(reply)) {
      return finish(RequestManyEnd.SENTINEL);
    }
    taken++;
    next = reply;
    if (options.maxMessages() > 0 && taken >= options.maxMessages()) {
      onClose.accept(this); // nothing more is wanted: free the mux entry now
    }
    return true;
  }

  @Override
  public Message next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the request-many to " + subject + " ended: " + end);
    }
    Message reply = next;
    next = null;
    return reply;
  }

  @Override
  public Optional<RequestManyEnd> end() {
    return Optional.ofNullable(end);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      onClose.accept(this);
      queue.add(CLOSED); // wakes a consumer waiting in hasNext
    }
  }

  private boolean finish(RequestManyEnd reason) {
    if (end == null) {
      end = reason;
    }
    onClose.accept(this);
    return false;
  }
}

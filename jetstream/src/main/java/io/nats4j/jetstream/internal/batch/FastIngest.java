package io.nats4j.jetstream.internal.batch;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.NoRespondersException;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.FastPublishEvent;
import io.nats4j.jetstream.FastPublishOptions;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.internal.batch.FastBatchReply.Operation;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One fast-ingest batch (ADR-50). All state belongs to the publishing thread: the flow acks are
 * read from a synchronous subscription on the batch inbox by that thread, between publishes, so no
 * lock and no extra thread are involved.
 *
 * <p>Thread-safety: not thread-safe; one thread publishes a batch.
 */
public final class FastIngest {
  private static final byte[] EMPTY = new byte[0];

  /** How often (in messages) {@code add} looks at the inbox when it need not wait. */
  private static final int DRAIN_EVERY = 64;

  private final Connection connection;
  private final String inbox;
  private final String base;
  private final int maxOutstanding;
  private final boolean gapOk;
  private final Duration timeout;
  private final Duration pingInterval;
  private final Consumer<FastPublishEvent> listener;

  private Subscription subscription;
  private String lastSubject;
  private long sequence;
  private long acked;
  private int flow;
  private boolean started;
  private boolean ended;
  private PubAck finalAck;
  private RuntimeException failure;
  private JetStreamApiException refused;

  /**
   * Creates the batch; nothing is sent before the first {@code add}.
   *
   * @param connection the connection
   * @param options the flow options
   * @param defaultTimeout the ack timeout when the options have none
   */
  public FastIngest(Connection connection, FastPublishOptions options, Duration defaultTimeout) {
    this.connection = connection;
    this.inbox = connection.createInbox();
    this.gapOk = options.gapMode() == FastPublishOptions.GapMode.OK;
    this.base = FastBatchReply.base(inbox, options.flow(), gapOk);
    this.maxOutstanding = options.maxOutstandingAcks();
    this.flow = options.flow();
    this.timeout = options.ackTimeout() != null ? options.ackTimeout() : defaultTimeout;
    this.pingInterval = timeout.dividedBy(3);
    this.listener = options.listener();
  }

  /**
   * Returns the batch id: the last token of the inbox.
   *
   * @return the id
   */
  public String batchId() {
    return inbox.substring(inbox.lastIndexOf('.') + 1);
  }

  /**
   * Returns how many messages were sent.
   *
   * @return the highest batch sequence sent
   */
  public long sequence() {
    return sequence;
  }

  /**
   * Returns the highest batch sequence the server acknowledged.
   *
   * @return the sequence
   */
  public long acked() {
    return acked;
  }

  /**
   * Returns true once the batch is committed or failed.
   *
   * @return true if ended
   */
  public boolean ended() {
    return ended;
  }

  /**
   * Sends a message; waits when too many flow windows are unacknowledged.
   *
   * @param subject the subject
   * @param headers the headers or null
   * @param data the payload
   * @return the message's batch sequence
   */
  public long add(String subject, Headers headers, byte[] data) {
    checkOpen();
    subscribeOnce();
    // Counted only once sent: a publish refused locally (bad subject, too large) leaves no gap.
    long s = sequence + 1;
    connection.publish(
        subject,
        FastBatchReply.format(base, s, s == 1 ? Operation.START : Operation.APPEND),
        headers,
        data);
    sequence = s;
    lastSubject = subject;
    if (s == 1) {
      awaitFirstAck();
      return s;
    }
    if (s % DRAIN_EVERY == 0) {
      drain();
    }
    if (acked + (long) flow * maxOutstanding <= s) {
      awaitAcksBelowWindow();
    }
    return s;
  }

  /**
   * Sends the last message and waits for the final pub ack.
   *
   * @param subject the subject
   * @param headers the headers or null
   * @param data the payload
   * @return the pub ack with the batch id and count
   */
  public PubAck commit(String subject, Headers headers, byte[] data) {
    checkOpen();
    subscribeOnce();
    long s = sequence + 1;
    connection.publish(subject, FastBatchReply.format(base, s, Operation.COMMIT), headers, data);
    sequence = s;
    lastSubject = subject;
    return awaitEnd();
  }

  /**
   * Commits without storing another message (end of batch).
   *
   * @return the pub ack with the batch id and count
   */
  public PubAck commitEndOfBatch() {
    checkOpen();
    if (sequence == 0) {
      throw new IllegalStateException("nothing was added: an empty batch cannot be committed");
    }
    connection.publish(
        lastSubject, FastBatchReply.format(base, sequence + 1, Operation.COMMIT_EOB), null, EMPTY);
    return awaitEnd();
  }

  /** Stops listening; the server drops a batch that was not committed after its idle timeout. */
  public void abandon() {
    ended = true;
    unsubscribe();
  }

  private void checkOpen() {
    if (ended) {
      if (failure != null) {
        throw failure;
      }
      throw new IllegalStateException("the fast-ingest batch has ended");
    }
  }

  private void subscribeOnce() {
    if (subscription == null) {
      subscription = connection.subscribe(inbox + ".>");
    }
  }

  private void awaitFirstAck() {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ended && !started) {
      handle(next(deadline, "the first message's flow ack"));
    }
    throwIfEnded();
  }

  private void awaitAcksBelowWindow() {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ended && acked + (long) flow * maxOutstanding <= sequence) {
      long before = acked;
      handle(next(deadline, "a flow ack (acknowledged up to " + acked + " of " + sequence + ")"));
      if (acked > before) {
        deadline = System.nanoTime() + timeout.toNanos();
      }
    }
    throwIfEnded();
  }

  private PubAck awaitEnd() {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ended) {
      long before = acked;
      handle(next(deadline, "the final pub ack"));
      if (acked > before) {
        deadline = System.nanoTime() + timeout.toNanos();
      }
    }
    unsubscribe();
    if (failure != null) {
      throw failure;
    }
    // A batch committed by its first message is acked like a single publish, without batch fields.
    boolean batchAck = finalAck.batch() != null;
    if (batchAck && finalAck.count() < sequence && (refused != null || !gapOk)) {
      failure = endedEarly();
      throw failure;
    }
    return finalAck;
  }

  private void throwIfEnded() {
    if (!ended) {
      return;
    }
    unsubscribe();
    if (failure == null) {
      failure = endedEarly();
    }
    throw failure;
  }

  private JetStreamException endedEarly() {
    return new JetStreamException(
        "the server ended fast-ingest batch "
            + batchId()
            + " after "
            + (finalAck == null ? "?" : finalAck.count())
            + " of "
            + sequence
            + " messages (a gap or a refused message in gap mode FAIL); final ack: "
            + finalAck,
        refused);
  }

  private void drain() {
    Optional<Message> m;
    while (!ended && (m = subscription.poll(Duration.ZERO)).isPresent()) {
      handle(m.get());
    }
    throwIfEnded();
  }

  /** Waits for the next inbox message, pinging the batch so that a lost flow ack is resent. */
  private Message next(long deadline, String what) {
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        ended = true;
        failure =
            new NatsTimeoutException(
                "no "
                    + what
                    + " within "
                    + timeout.toMillis()
                    + " ms on fast-ingest batch "
                    + batchId()
                    + ": the stream may not allow batched publishing, or the server is overloaded");
        unsubscribe();
        throw failure;
      }
      Optional<Message> m =
          subscription.poll(Duration.ofNanos(Math.min(left, pingInterval.toNanos())));
      if (m.isPresent()) {
        return m.get();
      }
      if (sequence > 0 && lastSubject != null) {
        connection.publish(
            lastSubject, FastBatchReply.format(base, sequence, Operation.PING), null, EMPTY);
      }
    }
  }

  private void handle(Message m) {
    if (m.statusCode() == 503) {
      ended = true;
      failure =
          new NoRespondersException(
              "no stream captures "
                  + lastSubject
                  + " (503 no responders) for the fast-ingest batch");
      return;
    }
    FlowMessage fm = FlowMessage.parse(m.data());
    if (fm instanceof FlowMessage.Ack a) {
      acked = Math.max(acked, a.sequence());
      if (a.messages() > 0) {
        flow = a.messages();
      }
      started = true;
    } else if (fm instanceof FlowMessage.Gap g) {
      notify(new FastPublishEvent.Gap(g.expected(), g.current()));
    } else if (fm instanceof FlowMessage.Err e) {
      if (!gapOk && refused == null) {
        refused = new JetStreamApiException(e.error());
      }
      notify(new FastPublishEvent.Refused(e.sequence(), e.error()));
    } else if (fm instanceof FlowMessage.End end) {
      ended = true;
      if (end.error() != null) {
        failure = new JetStreamApiException(end.error());
      } else {
        finalAck = end.ack();
        acked = Math.max(acked, finalAck.count());
      }
    }
  }

  private void notify(FastPublishEvent event) {
    if (listener != null) {
      listener.accept(event);
    }
  }

  private void unsubscribe() {
    if (subscription != null && subscription.isActive()) {
      subscription.unsubscribe();
    }
  }
}

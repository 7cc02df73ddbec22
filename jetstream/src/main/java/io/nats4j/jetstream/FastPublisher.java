package io.nats4j.jetstream;

import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.NoRespondersException;
import io.nats4j.jetstream.internal.PublishHeaders;
import io.nats4j.jetstream.internal.batch.FastIngest;
import java.util.Iterator;

/**
 * A fast-ingest batch (ADR-50, nats-server 2.14, stream option {@code allow_batched}): messages go
 * out without a per-message ack; the server acknowledges every few hundred on the batch's own inbox
 * and paces the publisher, and the final ack gives the batch id and how many messages it held.
 * Messages are stored as they arrive (the batch is not atomic); in {@link
 * FastPublishOptions.GapMode#FAIL} (the default) a lost or refused message ends the batch, so what
 * is stored is the batch up to there, in order and without holes.
 *
 * <pre>{@code
 * try (FastPublisher batch = js.fastPublisher()) {
 *   for (Row row : rows) {
 *     batch.add("import.rows", row.bytes());
 *   }
 *   PubAck ack = batch.commit();   // ack.batch(), ack.count(), ack.seq() of the last message
 * }
 * }</pre>
 *
 * <p>{@code add} waits when {@link FastPublishOptions#maxOutstandingAcks()} flow windows are not
 * yet acknowledged; while waiting it pings the batch every third of the ack timeout, so a lost flow
 * ack is sent again. Gaps and refused messages go to {@link FastPublishOptions#listener()} on the
 * publishing thread. As a streaming sink, {@link #addAll(Iterator)} sends everything an iterator
 * yields.
 *
 * <p>Lifecycle: {@link #commit()} or {@link #commit(String, Headers, byte[])} ends the batch;
 * {@link #close()} commits it when messages were added and it has not ended. The batch subscription
 * is closed when the batch ends.
 *
 * <p>Thread-safety: not thread-safe: one thread publishes a batch. Use one publisher per thread for
 * parallel imports (the server allows many batches per stream and slows each down as needed).
 */
public final class FastPublisher implements AutoCloseable {
  private final FastIngest batch;

  FastPublisher(FastIngest batch) {
    this.batch = batch;
  }

  /**
   * Returns the batch id (the last token of the batch inbox).
   *
   * @return the id
   */
  public String batchId() {
    return batch.batchId();
  }

  /**
   * Sends a message.
   *
   * @param subject a subject of the stream
   * @param data the payload
   * @return the message's batch sequence (1-based)
   * @throws JetStreamApiException if the stream refused the batch (e.g. {@code allow_batched} not
   *     set, 10205) or, in gap mode FAIL, a message
   * @throws NatsTimeoutException if no flow ack came within the ack timeout
   * @throws NoRespondersException if no stream captures the subject
   * @throws IllegalStateException if the batch has ended
   */
  public long add(String subject, byte[] data) {
    return batch.add(subject, null, data);
  }

  /**
   * Sends a message with headers.
   *
   * @param subject a subject of the stream
   * @param headers the headers, or null
   * @param data the payload
   * @return the message's batch sequence
   * @throws JetStreamApiException see {@link #add(String, byte[])}
   * @throws NatsTimeoutException if no flow ack came within the ack timeout
   */
  public long add(String subject, Headers headers, byte[] data) {
    return batch.add(subject, headers, data);
  }

  /**
   * Sends a message with headers and per-message options (message id, expectations, TTL), which the
   * server checks as for a single publish.
   *
   * @param subject a subject of the stream
   * @param headers the headers, or null (not modified)
   * @param data the payload
   * @param options the options
   * @return the message's batch sequence
   * @throws JetStreamApiException see {@link #add(String, byte[])}
   */
  public long add(String subject, Headers headers, byte[] data, PublishOptions options) {
    return batch.add(subject, PublishHeaders.merge(headers, options), data);
  }

  /**
   * Sends a message (subject, headers, data; the reply subject is not used).
   *
   * @param message the message
   * @return the message's batch sequence
   * @throws JetStreamApiException see {@link #add(String, byte[])}
   */
  public long add(Message message) {
    return batch.add(
        message.subject(), message.hasHeaders() ? message.headers() : null, message.data());
  }

  /**
   * Sends every message the iterator yields, then commits: a streaming sink for large imports.
   *
   * @param messages the messages, read once
   * @return the final ack
   * @throws JetStreamApiException see {@link #add(String, byte[])}
   * @throws IllegalStateException if the iterator yields nothing
   */
  public PubAck addAll(Iterator<? extends Message> messages) {
    while (messages.hasNext()) {
      add(messages.next());
    }
    return commit();
  }

  /**
   * Returns how many messages were sent.
   *
   * @return the highest batch sequence sent
   */
  public long sequence() {
    return batch.sequence();
  }

  /**
   * Returns the highest batch sequence the server has acknowledged (in gap mode FAIL: every message
   * up to it is stored).
   *
   * @return the sequence
   */
  public long ackedSequence() {
    return batch.acked();
  }

  /**
   * Sends a last message and waits until the whole batch is stored.
   *
   * @param subject a subject of the stream
   * @param headers the headers, or null
   * @param data the payload
   * @return the final ack: {@link PubAck#batch()}, {@link PubAck#count()}, the stream sequence of
   *     the last message
   * @throws JetStreamApiException if the server refused the batch
   * @throws JetStreamException if the server ended the batch early (a gap or refused message in gap
   *     mode FAIL); the cause is the refusal, if any
   * @throws NatsTimeoutException if the final ack did not come in time
   */
  public PubAck commit(String subject, Headers headers, byte[] data) {
    return batch.commit(subject, headers, data);
  }

  /**
   * Ends the batch without another message and waits until it is stored.
   *
   * @return the final ack
   * @throws IllegalStateException if nothing was added
   * @throws JetStreamException if the server ended the batch early
   * @throws NatsTimeoutException if the final ack did not come in time
   */
  public PubAck commit() {
    return batch.commitEndOfBatch();
  }

  /**
   * Commits the batch if messages were added and it has not ended; otherwise only stops listening.
   *
   * @throws JetStreamException if the commit fails
   */
  @Override
  public void close() {
    if (batch.ended()) {
      return;
    }
    if (batch.sequence() == 0) {
      batch.abandon();
      return;
    }
    batch.commitEndOfBatch();
  }
}

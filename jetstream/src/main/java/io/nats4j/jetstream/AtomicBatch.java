package io.nats4j.jetstream;

import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.NoRespondersException;
import io.nats4j.client.internal.spi.Internals;
import io.nats4j.jetstream.internal.ApiClient;
import io.nats4j.jetstream.internal.ApiLevels;
import io.nats4j.jetstream.internal.PublishHeaders;
import io.nats4j.jetstream.internal.Responses;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An atomic batch (ADR-50, nats-server 2.12, stream option {@code allow_atomic}): the stream stores
 * every message of the batch or none. The server stages the messages and checks the expectations of
 * all of them when the commit arrives; a failing expectation, a gap or an abandoned batch leaves
 * nothing stored.
 *
 * <pre>{@code
 * PubAck ack = js.atomicBatch()
 *     .add("user.42.street", street)
 *     .add("user.42.city", city)
 *     .commit("user.42.zip", zip);    // ack.batch(), ack.count() == 3, ack.seq() of the last
 * }</pre>
 *
 * <p>The first message is a request: a later {@code add} or the commit fails at once if the
 * server's answer (an empty ack, or an error such as "batch publish not enabled", 10174) already
 * came back as an error, and a refused first message is what the commit reports. The following
 * messages are plain publishes; the commit is a request sent without waiting for the first answer.
 * Wire form: headers {@code Nats-Batch-Id}, {@code Nats-Batch-Sequence} (from 1) and, on the last,
 * {@code Nats-Batch-Commit: 1} (or {@code eob} to commit without storing it).
 *
 * <p>Server limits (defaults): at most 1,000 messages per batch (10199), 50 batches in flight per
 * stream and 1,000 per server, 10 s without a message abandons the batch (10176 at commit). The
 * batch id has at most 64 characters. {@code Nats-Expected-Last-Msg-Id} is not supported in a batch
 * and {@code Nats-Expected-Last-Sequence} only on the first message; both are refused here before
 * sending.
 *
 * <p>Lifecycle: single use; after {@code commit} (or a failure) every call throws {@link
 * IllegalStateException}. An uncommitted batch is dropped by the server after its idle timeout.
 *
 * <p>Thread-safety: not thread-safe: one thread builds a batch. Several threads may each publish
 * their own batch concurrently.
 */
public final class AtomicBatch {
  /** The ADR-50 batch id header. */
  public static final String BATCH_ID = "Nats-Batch-Id";

  /** The ADR-50 batch sequence header. */
  public static final String BATCH_SEQUENCE = "Nats-Batch-Sequence";

  /** The ADR-50 commit header: {@code 1} or {@code eob}. */
  public static final String BATCH_COMMIT = "Nats-Batch-Commit";

  /** The longest batch id the server accepts. */
  public static final int MAX_ID_LENGTH = 64;

  private static final byte[] EMPTY = new byte[0];

  private final ApiClient api;
  private final String id;
  private final Duration timeout;
  private CompletableFuture<Message> firstReply;
  private String lastSubject;
  private int size;
  private byte[] plainPrefix; // see plainHeaderBlock
  private boolean ended;

  AtomicBatch(ApiClient api, String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "a batch id needs 1 to " + MAX_ID_LENGTH + " characters, was " + describe(id));
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c <= ' ' || c == 0x7f || c == ':') {
        throw new IllegalArgumentException(
            "a batch id is a header value: no spaces, control characters or ':', was '" + id + "'");
      }
    }
    this.api = api;
    this.id = id;
    this.timeout = api.options().publishAckTimeout();
  }

  private static String describe(String id) {
    return id == null ? "null" : id.length() + " characters";
  }

  /**
   * Returns the batch id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns how many messages were added so far (the commit message not included).
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * Adds a message.
   *
   * @param subject a subject of the stream
   * @param data the payload
   * @return this
   * @throws JetStreamApiException if the first message was already refused (e.g. 10174)
   * @throws IllegalStateException if the batch has ended
   */
  public AtomicBatch add(String subject, byte[] data) {
    return add(subject, null, data, PublishOptions.NONE);
  }

  /**
   * Adds a message with headers.
   *
   * @param subject a subject of the stream
   * @param headers the headers, or null (not modified)
   * @param data the payload
   * @return this
   * @throws JetStreamApiException if the first message was already refused
   */
  public AtomicBatch add(String subject, Headers headers, byte[] data) {
    return add(subject, headers, data, PublishOptions.NONE);
  }

  /**
   * Adds a message (subject, headers, data; its reply subject is not used).
   *
   * @param message the message
   * @return this
   */
  public AtomicBatch add(Message message) {
    return add(message.subject(), headersOf(message), message.data(), PublishOptions.NONE);
  }

  /**
   * Adds a message with headers and options: message id (deduplicated, 2.12.1), expected stream,
   * expected last subject sequence, and expected last sequence on the first message only. The
   * expectations are checked when the batch commits, against the stream as it was before it.
   *
   * @param subject a subject of the stream
   * @param headers the headers, or null (not modified)
   * @param data the payload
   * @param options the options
   * @return this
   * @throws IllegalArgumentException if an option cannot be used in a batch (nothing sent)
   * @throws JetStreamApiException if the first message was already refused
   * @throws NoRespondersException if no stream captures the first message's subject
   */
  public AtomicBatch add(String subject, Headers headers, byte[] data, PublishOptions options) {
    checkOpen();
    int sequence = size + 1;
    if (sequence == 1) {
      Headers h = batchHeaders(headers, options, sequence);
      firstReply = api.connection().requestAsync(subject, h, data, timeout);
    } else {
      failFastIfFirstRefused();
      boolean plain = headers == null && (options == null || options == PublishOptions.NONE);
      if (!plain
          || !Internals.publishEncodedIfUnobserved(
              api.connection(), subject, plainHeaderBlock(sequence), data)) {
        api.connection().publish(subject, batchHeaders(headers, options, sequence), data);
      }
    }
    size++;
    lastSubject = subject;
    return this;
  }

  /**
   * Adds the last message and commits the batch.
   *
   * @param subject a subject of the stream
   * @param data the payload
   * @return the ack: {@link PubAck#batch()}, {@link PubAck#count()}, the stream sequence of the
   *     last message (the batch holds the {@code count} sequences up to it)
   * @throws JetStreamApiException if the stream refused the batch: an expectation failed, the batch
   *     is too large (10199), incomplete or abandoned (10176), batching is not enabled (10174),
   *     ...; nothing of the batch is stored
   * @throws NatsTimeoutException if an ack did not come in time (the outcome is unknown)
   */
  public PubAck commit(String subject, byte[] data) {
    return commit(subject, null, data, PublishOptions.NONE);
  }

  /**
   * Adds the last message (subject, headers, data) and commits the batch; see {@link
   * #commit(String, byte[])}.
   *
   * @param message the message
   * @return the ack
   */
  public PubAck commit(Message message) {
    return commit(message.subject(), headersOf(message), message.data(), PublishOptions.NONE);
  }

  /**
   * Adds the last message with headers and commits the batch; see {@link #commit(String, byte[])}.
   *
   * @param subject a subject of the stream
   * @param headers the headers, or null (not modified)
   * @param data the payload
   * @return the ack
   */
  public PubAck commit(String subject, Headers headers, byte[] data) {
    return commit(subject, headers, data, PublishOptions.NONE);
  }

  /**
   * Adds the last message with headers and options and commits the batch; see {@link
   * #commit(String, byte[])}.
   *
   * @param subject a subject of the stream
   * @param headers the headers, or null (not modified)
   * @param data the payload
   * @param options the options (see {@link #add(String, Headers, byte[], PublishOptions)})
   * @return the ack
   */
  public PubAck commit(String subject, Headers headers, byte[] data, PublishOptions options) {
    checkOpen();
    Headers h = batchHeaders(headers, options, size + 1).put(BATCH_COMMIT, "1");
    return send(subject, h, data);
  }

  /**
   * Commits the messages added so far without storing another one ({@code Nats-Batch-Commit: eob});
   * needs nats-server 2.14 (API level 4).
   *
   * @return the ack; {@link PubAck#count()} is the number of messages added
   * @throws IllegalStateException if nothing was added
   * @throws ApiLevelException if the server is older than 2.14 (nothing sent)
   * @throws JetStreamApiException if the stream refused the batch (nothing stored)
   */
  public PubAck commit() {
    checkOpen();
    if (size == 0) {
      throw new IllegalStateException("nothing was added: an empty batch cannot be committed");
    }
    api.require(
        List.of(
            new ApiLevels.Requirement(
                BATCH_COMMIT + ": eob", ApiLevels.FAST_BATCH_ACK_FLOW_CONTROL)));
    Headers h =
        new Headers()
            .put(BATCH_ID, id)
            .put(BATCH_SEQUENCE, Integer.toString(size + 1))
            .put(BATCH_COMMIT, "eob");
    return send(lastSubject, h, EMPTY);
  }

  private PubAck send(String subject, Headers h, byte[] data) {
    ended = true;
    if (size == 0) {
      return Responses.pubAck(subject, api.connection().request(subject, h, data, timeout));
    }
    failFastIfFirstRefused();
    // The commit goes out at once, as the Go client sends it: waiting for the first message's
    // answer before sending it would stall every batch until the server has reached that message.
    // It is a plain (blocking) request: its ack wakes this thread straight from the reader, one
    // thread hop less than an asynchronous request's, on the path from one batch to the next. A
    // refused first message is still what is reported (checked first; the server refuses the rest
    // of such a batch too).
    Message commitReply;
    try {
      commitReply = api.connection().request(subject, h, data, timeout);
    } catch (RuntimeException e) {
      failFastIfFirstRefused();
      throw e;
    }
    awaitFirstReply();
    return Responses.pubAck(subject, commitReply);
  }

  private Headers batchHeaders(Headers user, PublishOptions options, int sequence) {
    PublishOptions o = options == null ? PublishOptions.NONE : options;
    if (o.expectedLastMessageId() != null) {
      throw new IllegalArgumentException(
          "expectedLastMessageId (Nats-Expected-Last-Msg-Id) cannot be used in an atomic batch:"
              + " the server refuses it (10177)");
    }
    if (o.expectedLastSequence() != null && sequence != 1) {
      throw new IllegalArgumentException(
          "expectedLastSequence (Nats-Expected-Last-Sequence) is only allowed on the first message"
              + " of an atomic batch; this is message "
              + sequence);
    }
    if (o != PublishOptions.NONE) {
      api.require(PublishHeaders.requirements(o));
    }
    Headers h = PublishHeaders.merge(user, o);
    if (h == null || h == user) {
      h = copy(user);
    }
    return h.put(BATCH_ID, id).put(BATCH_SEQUENCE, Integer.toString(sequence));
  }

  /**
   * The header block of a message that carries only the batch's own headers: the part up to the
   * sequence's value is encoded once per batch, so a message costs one small array, not a {@code
   * Headers} map and its encoding (half the client's CPU per message in {@code js-batch}).
   */
  private byte[] plainHeaderBlock(int sequence) {
    if (plainPrefix == null) {
      byte[] block =
          Internals.encodeHeaders(new Headers().put(BATCH_ID, id).put(BATCH_SEQUENCE, ""));
      plainPrefix = Arrays.copyOf(block, block.length - 4); // up to "Nats-Batch-Sequence: "
    }
    String digits = Integer.toString(sequence);
    byte[] out = Arrays.copyOf(plainPrefix, plainPrefix.length + digits.length() + 4);
    int p = plainPrefix.length;
    for (int i = 0; i < digits.length(); i++) {
      out[p++] = (byte) digits.charAt(i);
    }
    out[p++] = '\r';
    out[p++] = '\n';
    out[p++] = '\r';
    out[p] = '\n';
    return out;
  }

  private static Headers copy(Headers user) {
    Headers h = new Headers();
    if (user != null) {
      for (String key : user.keys()) {
        h.add(key, user.get(key).toArray(new String[0]));
      }
    }
    return h;
  }

  private void failFastIfFirstRefused() {
    if (firstReply.isDone()) {
      awaitFirstReply();
    }
  }

  private void awaitFirstReply() {
    Message reply;
    try {
      reply =
          firstReply.get(
              timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(100), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = true;
      throw new JetStreamException("interrupted while waiting for the batch's first ack", e);
    } catch (TimeoutException e) {
      ended = true;
      throw new NatsTimeoutException(
          "the first message of atomic batch " + id + " was not answered in time");
    } catch (ExecutionException e) {
      ended = true;
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new JetStreamException("the first message of atomic batch " + id + " failed", e);
    }
    if (reply.statusCode() == 0 && (reply.data() == null || reply.data().length == 0)) {
      return;
    }
    ended = true;
    // An error pub ack (or a 503 status): read it the way a publish reply is read.
    Responses.pubAck(lastSubject, reply);
    throw new JetStreamException(
        "the first message of atomic batch "
            + id
            + " was answered with a pub ack, not an empty ack");
  }

  private void checkOpen() {
    if (ended) {
      throw new IllegalStateException("atomic batch " + id + " has ended (committed or failed)");
    }
  }

  private static Headers headersOf(Message message) {
    return message.hasHeaders() ? message.headers() : null;
  }
}

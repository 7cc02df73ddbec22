package io.nats4j.jetstream;

/**
 * The server answered a JetStream request with an error object. Branch on {@link #errorCode()}
 * (compare with the constants here), not on the text.
 *
 * <pre>{@code
 * try {
 *   jsm.streams().info("ORDERS");
 * } catch (JetStreamApiException e) {
 *   if (e.errorCode() == JetStreamApiException.STREAM_NOT_FOUND) { ... }
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public class JetStreamApiException extends JetStreamException {
  private static final long serialVersionUID = 1L;

  /** JetStream is not enabled on the server. */
  public static final int JETSTREAM_NOT_ENABLED = 10076;

  /** JetStream is not enabled for this account. */
  public static final int JETSTREAM_NOT_ENABLED_FOR_ACCOUNT = 10039;

  /** The request could not be parsed, e.g. a field this server does not know (strict mode). */
  public static final int INVALID_JSON = 10025;

  /** Bad request. */
  public static final int BAD_REQUEST = 10003;

  /** A stream with this name exists with a different configuration. */
  public static final int STREAM_NAME_IN_USE = 10058;

  /** No stream with this name. */
  public static final int STREAM_NOT_FOUND = 10059;

  /** A publish expectation named another stream ({@code Nats-Expected-Stream}). */
  public static final int STREAM_EXPECTED_MISMATCH = 10060;

  /** The subjects overlap with those of another stream. */
  public static final int STREAM_SUBJECT_OVERLAP = 10065;

  /** {@code Nats-Expected-Last-Msg-Id} did not match. */
  public static final int STREAM_WRONG_LAST_MSG_ID = 10070;

  /** {@code Nats-Expected-Last-Sequence} or {@code Nats-Expected-Last-Subject-Sequence} failed. */
  public static final int STREAM_WRONG_LAST_SEQUENCE = 10071;

  /** Wrong last sequence detected while other expectations were in flight (no number given). */
  public static final int STREAM_WRONG_LAST_SEQUENCE_CONSTANT = 10164;

  /** The requested message does not exist. */
  public static final int NO_MESSAGE_FOUND = 10037;

  /** Generic stream create/update failure, e.g. an invalid combination of settings. */
  public static final int STREAM_CREATE_FAILED = 10049;

  /** The stream configuration is invalid. */
  public static final int STREAM_INVALID_CONFIG = 10052;

  /** Generic stream update failure. */
  public static final int STREAM_UPDATE_FAILED = 10069;

  /** No consumer with this name. */
  public static final int CONSUMER_NOT_FOUND = 10014;

  /** A consumer with this name already exists. */
  public static final int CONSUMER_NAME_EXISTS = 10013;

  /** Create was asked for but a consumer with another configuration exists. */
  public static final int CONSUMER_ALREADY_EXISTS = 10148;

  /** Update was asked for but no such consumer exists. */
  public static final int CONSUMER_DOES_NOT_EXIST = 10149;

  /** Generic consumer creation failure. */
  public static final int CONSUMER_CREATE_FAILED = 10012;

  /** Per-message TTL was used on a stream without {@code allow_msg_ttl}. */
  public static final int MESSAGE_TTL_DISABLED = 10166;

  /** The per-message TTL value is invalid. */
  public static final int MESSAGE_TTL_INVALID = 10165;

  /** The server's API level is lower than the request's {@code Nats-Required-Api-Level}. */
  public static final int REQUIRED_API_LEVEL = 10185;

  /** Atomic batch publish is not enabled on the stream ({@code allow_atomic}). */
  public static final int ATOMIC_PUBLISH_DISABLED = 10174;

  /** An atomic batch message has no {@code Nats-Batch-Sequence}. */
  public static final int ATOMIC_PUBLISH_MISSING_SEQUENCE = 10175;

  /** The atomic batch is incomplete (a gap, or abandoned after its idle timeout). */
  public static final int ATOMIC_PUBLISH_INCOMPLETE = 10176;

  /** An atomic batch message used a header batches do not support. */
  public static final int ATOMIC_PUBLISH_UNSUPPORTED_HEADER = 10177;

  /** The atomic batch id is invalid (longer than 64 characters). */
  public static final int ATOMIC_PUBLISH_INVALID_ID = 10179;

  /** The atomic batch has more messages than the server allows (default 1,000). */
  public static final int ATOMIC_PUBLISH_TOO_LARGE = 10199;

  /** The atomic batch commit header is invalid. */
  public static final int ATOMIC_PUBLISH_INVALID_COMMIT = 10200;

  /** The atomic batch contains a duplicate message id. */
  public static final int ATOMIC_PUBLISH_DUPLICATE_MSG_ID = 10201;

  /** Fast-ingest batch publish is not enabled on the stream ({@code allow_batched}). */
  public static final int BATCH_PUBLISH_DISABLED = 10205;

  /** The fast-ingest reply subject is malformed. */
  public static final int BATCH_PUBLISH_INVALID_PATTERN = 10206;

  /** The fast-ingest batch id is invalid (longer than 64 characters). */
  public static final int BATCH_PUBLISH_INVALID_ID = 10207;

  /** The fast-ingest batch is unknown (it ended or timed out). */
  public static final int BATCH_PUBLISH_UNKNOWN_ID = 10208;

  /** Too many batches are in flight on the stream or server. */
  public static final int BATCH_PUBLISH_TOO_MANY_INFLIGHT = 10211;

  /** {@code Nats-Incr} was sent to a stream without {@code allow_msg_counter}. */
  public static final int MESSAGE_INCR_DISABLED = 10168;

  /** A counter stream received a message without {@code Nats-Incr}. */
  public static final int MESSAGE_INCR_MISSING = 10169;

  /** A counter increment carried a payload. */
  public static final int MESSAGE_INCR_PAYLOAD = 10170;

  /** A counter increment is not an integer, or used an unsupported header. */
  public static final int MESSAGE_INCR_INVALID = 10171;

  /** A schedule was sent to a stream without {@code allow_msg_schedules}. */
  public static final int MESSAGE_SCHEDULES_DISABLED = 10188;

  /** The {@code Nats-Schedule} pattern is invalid. */
  public static final int MESSAGE_SCHEDULES_PATTERN_INVALID = 10189;

  /** The schedule target is invalid or not a subject of the stream. */
  public static final int MESSAGE_SCHEDULES_TARGET_INVALID = 10190;

  /** The schedule TTL is invalid. */
  public static final int MESSAGE_SCHEDULES_TTL_INVALID = 10191;

  /** The schedule rollup is invalid (only {@code sub}). */
  public static final int MESSAGE_SCHEDULES_ROLLUP_INVALID = 10192;

  /** The schedule source is invalid or not a subject of the stream. */
  public static final int MESSAGE_SCHEDULES_SOURCE_INVALID = 10203;

  /** The {@code Nats-Scheduler} of a schedule purge is invalid. */
  public static final int MESSAGE_SCHEDULES_SCHEDULER_INVALID = 10212;

  /** The schedule time zone is unknown to the server, or not for this schedule kind. */
  public static final int MESSAGE_SCHEDULES_TIME_ZONE_INVALID = 10223;

  /** The error object the server returned. */
  private final ApiError error;

  /**
   * Creates the exception from the server's error object.
   *
   * @param error the error object
   */
  public JetStreamApiException(ApiError error) {
    super(
        "JetStream API error "
            + error.code()
            + " (err_code "
            + error.errCode()
            + "): "
            + error.description());
    this.error = error;
  }

  /**
   * Returns the error object as the server sent it.
   *
   * @return the error
   */
  public ApiError error() {
    return error;
  }

  /**
   * Returns the HTTP-like status code (400, 404, 500, 503).
   *
   * @return the code
   */
  public int apiCode() {
    return error.code();
  }

  /**
   * Returns the server's specific error number ({@code err_code}).
   *
   * @return the error number, e.g. {@link #STREAM_NOT_FOUND}
   */
  public int errorCode() {
    return error.errCode();
  }

  /**
   * Returns the server's description of the error.
   *
   * @return the text
   */
  public String description() {
    return error.description();
  }
}

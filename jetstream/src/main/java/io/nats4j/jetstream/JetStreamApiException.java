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

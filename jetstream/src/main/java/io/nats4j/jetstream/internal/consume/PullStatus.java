package io.nats4j.jetstream.internal.consume;

import io.nats4j.client.Headers;
import io.nats4j.client.Message;

/**
 * Classifies the status messages a pull subscription receives (ADR-37 "Status handling", ADR-9,
 * ADR-42): what each does to the request it answers and whether the user hears of it.
 */
public final class PullStatus {
  /** Header with the messages a terminated request will no longer deliver. */
  public static final String PENDING_MESSAGES = "Nats-Pending-Messages";

  /** Header with the bytes a terminated request will no longer deliver. */
  public static final String PENDING_BYTES = "Nats-Pending-Bytes";

  /** Header with the pin id of a pinned-client priority group. */
  public static final String PIN_ID = "Nats-Pin-Id";

  /** What a status means to a pull. */
  public enum Kind {
    /** {@code 100 Idle Heartbeat}: liveness only. */
    HEARTBEAT,
    /** {@code 100 FlowControl Request}: push consumers answer it. */
    FLOW_CONTROL,
    /** {@code 404 No Messages}: a no-wait request found nothing more. Not telegraphed. */
    NO_MESSAGES,
    /** {@code 408 Request Timeout} / {@code 408 Interest Expired}: the request ended. */
    REQUEST_TIMEOUT,
    /** {@code 409 Message Size Exceeds MaxBytes}: the request ended. Not telegraphed. */
    MAX_BYTES,
    /** {@code 409 Batch Completed}: the request ended. Not telegraphed. */
    BATCH_COMPLETED,
    /** {@code 423 Nats-Wrong-Pin-Id}: the pin moved; forget it and pull again. */
    PIN_RESET,
    /**
     * {@code 409 Leadership Change}: the consumer's leader moved and every waiting request ended
     * without saying what it held; telegraphed as a warning.
     */
    LEADERSHIP_CHANGE,
    /** Ends the request and is telegraphed as a warning (409 limits). */
    WARNING,
    /** Ends the consume: {@code 409 Consumer Deleted}, {@code 409 Consumer is push based}, 400. */
    TERMINAL,
    /** {@code 503}: nothing answers the pull subject (consumer or JetStream gone). */
    NO_RESPONDERS,
    /** Any other status: ends the request, telegraphed as a warning. */
    UNKNOWN
  }

  private PullStatus() {}

  /**
   * Classifies a status.
   *
   * @param code the status code
   * @param description the description, may be null
   * @return the kind
   */
  public static Kind classify(int code, String description) {
    String d = description == null ? "" : description.toLowerCase(java.util.Locale.ROOT);
    switch (code) {
      case 100:
        return d.contains("flow") ? Kind.FLOW_CONTROL : Kind.HEARTBEAT;
      case 404:
        return Kind.NO_MESSAGES;
      case 408:
        return Kind.REQUEST_TIMEOUT;
      case 409:
        if (d.contains("consumer deleted") || d.contains("push based")) {
          return Kind.TERMINAL;
        }
        if (d.contains("message size exceeds maxbytes")) {
          return Kind.MAX_BYTES;
        }
        if (d.contains("batch completed")) {
          return Kind.BATCH_COMPLETED;
        }
        if (d.contains("leadership change")) {
          return Kind.LEADERSHIP_CHANGE;
        }
        return Kind.WARNING;
      case 423:
        return Kind.PIN_RESET;
      case 400:
        return Kind.TERMINAL;
      case 503:
        return Kind.NO_RESPONDERS;
      default:
        return Kind.UNKNOWN;
    }
  }

  /**
   * Classifies a received status message.
   *
   * @param message a message with a status code
   * @return the kind
   */
  public static Kind classify(Message message) {
    Headers h = message.headers();
    return classify(message.statusCode(), h.statusDescription());
  }

  /**
   * Reads a numeric header, 0 when absent or malformed.
   *
   * @param headers the headers
   * @param key the key
   * @return the value
   */
  public static long number(Headers headers, String key) {
    String v = headers.first(key);
    if (v == null) {
      return 0;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Describes a status for messages.
   *
   * @param message the status message
   * @return e.g. {@code 409 Consumer Deleted}
   */
  public static String describe(Message message) {
    String d = message.headers().statusDescription();
    return message.statusCode() + (d == null || d.isEmpty() ? "" : " " + d);
  }
}

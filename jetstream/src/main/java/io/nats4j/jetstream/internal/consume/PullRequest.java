package io.nats4j.jetstream.internal.consume;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The JSON body of {@code $JS.API.CONSUMER.MSG.NEXT.<stream>.<consumer>} (ADR-13, ADR-37, ADR-42).
 * Zero and null fields are left out, so older servers never see priority fields that are not set.
 *
 * <p>Encoded by hand ({@link #toJson()}): a consume sends one every half batch, and the mapper's
 * reflective record serializer cost more than the rest of the pull bookkeeping. {@code
 * PullRequestTest} holds it byte for byte to what the mapper writes.
 */
record PullRequest(
    long batch,
    long maxBytes,
    Duration expires,
    boolean noWait,
    Duration idleHeartbeat,
    String group,
    long minPending,
    long minAckPending,
    String id,
    int priority) {

  /**
   * Encodes the request as the mapper would: fields in declaration order, snake case, durations in
   * nanoseconds, zero, false and null fields left out.
   *
   * @return the UTF-8 JSON
   */
  byte[] toJson() {
    StringBuilder json = new StringBuilder(96).append('{');
    number(json, "batch", batch);
    number(json, "max_bytes", maxBytes);
    number(json, "expires", expires == null ? 0 : expires.toNanos());
    if (noWait) {
      field(json, "no_wait").append("true");
    }
    number(json, "idle_heartbeat", idleHeartbeat == null ? 0 : idleHeartbeat.toNanos());
    string(json, "group", group);
    number(json, "min_pending", minPending);
    number(json, "min_ack_pending", minAckPending);
    string(json, "id", id);
    number(json, "priority", priority);
    return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static StringBuilder field(StringBuilder json, String name) {
    if (json.length() > 1) {
      json.append(',');
    }
    return json.append('"').append(name).append("\":");
  }

  private static void number(StringBuilder json, String name, long value) {
    if (value != 0) {
      field(json, name).append(value);
    }
  }

  private static void string(StringBuilder json, String name, String value) {
    if (value == null) {
      return;
    }
    field(json, name).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04X", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}

package io.nats4j.jetstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats4j.client.Headers;
import io.nats4j.jetstream.internal.ApiLevels;
import io.nats4j.jetstream.internal.JsonMapper;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Distributed counters in a counter stream (ADR-49, nats-server 2.12, stream option {@code
 * allow_msg_counter}): every subject of the stream is a counter; an increment is a publish with a
 * {@code Nats-Incr} header and the stream keeps the running total as an arbitrary-precision
 * integer. A stream that sources other counter streams adds their totals up, and keeps what it saw
 * from each in {@code Nats-Counter-Sources}.
 *
 * <pre>{@code
 * Counter hits = js.counter("HITS");
 * BigInteger now = hits.increment("hits.home", 1);
 * CounterEntry e = hits.get("hits.home");   // e.value(), e.sources()
 * }</pre>
 *
 * <p>An increment is a synchronous publish: it is retried only when no stream answered (503, so
 * nothing was counted); an ack timeout is thrown, since the increment may have been counted.
 *
 * <p>Thread-safety: safe from any thread; the server applies concurrent increments one at a time.
 */
public final class Counter {
  /** The ADR-49 increment header. */
  public static final String INCREMENT = "Nats-Incr";

  /** The ADR-49 header holding the last values seen from sources. */
  public static final String SOURCES = "Nats-Counter-Sources";

  private static final byte[] EMPTY = new byte[0];

  private final JetStream js;
  private final String stream;

  Counter(JetStream js, String stream) {
    this.js = js;
    this.stream = stream;
  }

  /**
   * Returns the stream.
   *
   * @return the stream name
   */
  public String stream() {
    return stream;
  }

  /**
   * Adds to a counter and returns its new value.
   *
   * @param subject the counter's subject
   * @param delta the amount, negative to subtract
   * @return the total after this increment
   * @throws JetStreamApiException e.g. {@code 10168} if the stream is not a counter stream
   * @throws ApiLevelException if the server is older than 2.12 (nothing sent)
   */
  public BigInteger increment(String subject, long delta) {
    return increment(subject, BigInteger.valueOf(delta));
  }

  /**
   * Adds to a counter and returns its new value.
   *
   * @param subject the counter's subject
   * @param delta the amount, negative to subtract
   * @return the total after this increment
   * @throws JetStreamApiException e.g. {@code 10168} if the stream is not a counter stream
   * @throws ApiLevelException if the server is older than 2.12 (nothing sent)
   */
  public BigInteger increment(String subject, BigInteger delta) {
    Objects.requireNonNull(delta, "delta");
    js.requireLevel("counter increment (" + INCREMENT + ")", ApiLevels.COUNTERS_ATOMIC_SCHEDULES);
    String value = delta.signum() < 0 ? delta.toString() : "+" + delta;
    PubAck ack =
        js.publish(subject, new Headers().put(INCREMENT, value), EMPTY, PublishOptions.NONE);
    if (ack.val() == null) {
      throw new JetStreamException(
          "the ack of the increment on "
              + subject
              + " carries no counter value: stream "
              + ack.stream()
              + " is not a counter stream");
    }
    return new BigInteger(ack.val());
  }

  /**
   * Returns a counter's value.
   *
   * @param subject the counter's subject
   * @return the value, zero if the counter has no message
   */
  public BigInteger value(String subject) {
    try {
      return get(subject).value();
    } catch (JetStreamApiException e) {
      if (e.errorCode() == JetStreamApiException.NO_MESSAGE_FOUND) {
        return BigInteger.ZERO;
      }
      throw e;
    }
  }

  /**
   * Returns a counter's value with its last increment and sources breakdown.
   *
   * @param subject the counter's subject
   * @return the entry
   * @throws JetStreamApiException {@link JetStreamApiException#NO_MESSAGE_FOUND} if the counter has
   *     no message
   */
  public CounterEntry get(String subject) {
    StoredMessage m = js.streams().getLastMessage(stream, subject);
    return entryOf(m);
  }

  static CounterEntry entryOf(StoredMessage m) {
    JsonNode body = JsonMapper.readTree(m.data());
    JsonNode val = body.get("val");
    if (val == null || !val.isTextual()) {
      throw new JetStreamException(
          "message " + m.seq() + " on " + m.subject() + " holds no counter value");
    }
    Headers h = m.headers();
    String incr = h == null ? null : h.first(INCREMENT);
    String sources = h == null ? null : h.first(SOURCES);
    return new CounterEntry(
        m.subject(),
        new BigInteger(val.asText()),
        incr == null ? null : new BigInteger(incr.startsWith("+") ? incr.substring(1) : incr),
        parseSources(sources),
        m.seq());
  }

  static Map<String, Map<String, BigInteger>> parseSources(String header) {
    if (header == null || header.isEmpty()) {
      return Map.of();
    }
    JsonNode tree = JsonMapper.readTree(header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Map<String, Map<String, BigInteger>> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> source = it.next();
      Map<String, BigInteger> subjects = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> s = source.getValue().fields(); s.hasNext(); ) {
        Map.Entry<String, JsonNode> e = s.next();
        subjects.put(e.getKey(), new BigInteger(e.getValue().asText()));
      }
      out.put(source.getKey(), Collections.unmodifiableMap(subjects));
    }
    return Collections.unmodifiableMap(out);
  }
}

package io.nats4j.opentelemetry;

import io.nats4j.client.Connection;
import io.nats4j.client.MessageObserver;
import io.nats4j.opentelemetry.internal.ConnectionMetrics;
import io.nats4j.opentelemetry.internal.MessagingMetrics;
import io.nats4j.opentelemetry.internal.TelemetryObserver;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * OpenTelemetry for nats4j: spans for publishes, requests, JetStream publishes, handler calls and
 * fetches, named and attributed per the OpenTelemetry messaging semantic conventions ({@code
 * messaging.system=nats}); W3C {@code traceparent}/{@code tracestate} (or whatever propagator the
 * {@link OpenTelemetry} has) carried in the message headers, so one trace runs from the publisher
 * through the server to the subscriber; and metrics (messages and bytes, reconnects, pending
 * requests and acks, request and publish-ack latency, JetStream consume lag).
 *
 * <p>Thread-safety: immutable and safe to share between connections and threads.
 *
 * <pre>{@code
 * NatsTelemetry telemetry = NatsTelemetry.create(openTelemetry);
 * Connection nc = Nats.connect(Options.builder()
 *     .server("nats://localhost:4222")
 *     .observer(telemetry.observer())  // spans and message metrics
 *     .build());
 * AutoCloseable metrics = telemetry.register(nc); // connection statistics as metrics
 * }</pre>
 *
 * <p>Spans: {@code publish <subject>} (PRODUCER), {@code request <subject>} (CLIENT, ends with the
 * reply), {@code publish <subject>} for a JetStream publish (PRODUCER, ends with the ack), {@code
 * process <subject>} (CONSUMER) around a handler call, its parent taken from the message's headers,
 * and {@code fetch <stream>} (CLIENT) with a link to each fetched message's producer. A handler's
 * span is current while it runs, so what it publishes or requests joins the trace.
 */
public final class NatsTelemetry {
  /** The instrumentation scope name of nats4j's tracer and meter. */
  public static final String INSTRUMENTATION_NAME = "io.nats4j";

  private final OpenTelemetry openTelemetry;
  private final MessageObserver observer;

  private NatsTelemetry(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    this.observer = new TelemetryObserver(openTelemetry, new MessagingMetrics(openTelemetry));
  }

  /**
   * Creates the instrumentation.
   *
   * @param openTelemetry the application's OpenTelemetry (e.g. {@code GlobalOpenTelemetry.get()})
   * @return the instrumentation
   * @throws NullPointerException if {@code openTelemetry} is null
   */
  public static NatsTelemetry create(OpenTelemetry openTelemetry) {
    return new NatsTelemetry(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  /**
   * Returns the observer to install with {@code Options.Builder.observer}: spans, propagation and
   * the per-message metrics.
   *
   * @return the observer (the same for every call)
   */
  public MessageObserver observer() {
    return observer;
  }

  /**
   * Reports a connection's statistics as metrics ({@code nats.client.messages}, {@code
   * nats.client.bytes} by direction, {@code nats.client.reconnects}, {@code
   * nats.client.dropped.messages}), with its name and server as attributes, read when the metrics
   * are collected.
   *
   * @param connection the connection
   * @return closes the registration (do it when the connection is closed)
   */
  public AutoCloseable register(Connection connection) {
    return ConnectionMetrics.register(
        openTelemetry, Objects.requireNonNull(connection, "connection"));
  }
}

package io.nats4j.opentelemetry.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.Statistics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongCounter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A connection's {@link Statistics} as asynchronous counters, read when metrics are collected.
 *
 * <p>Thread-safety: the callbacks run on the SDK's collecting thread and only read the connection's
 * statistics (safe from any thread).
 */
public final class ConnectionMetrics {
  private static final AttributeKey<String> DIRECTION =
      AttributeKey.stringKey("network.io.direction");

  private ConnectionMetrics() {}

  /**
   * Registers the counters.
   *
   * @param openTelemetry the meter provider
   * @param connection the connection
   * @return unregisters them
   */
  public static AutoCloseable register(OpenTelemetry openTelemetry, Connection connection) {
    Meter meter = openTelemetry.getMeter("io.nats4j");
    ServerAttributes servers = new ServerAttributes();
    List<ObservableLongCounter> counters =
        List.of(
            meter
                .counterBuilder("nats.client.messages")
                .setUnit("{message}")
                .setDescription("Messages sent and received by the connection")
                .buildWithCallback(
                    m ->
                        directions(
                            m,
                            connection,
                            servers,
                            Statistics::outMessages,
                            Statistics::inMessages)),
            meter
                .counterBuilder("nats.client.bytes")
                .setUnit("By")
                .setDescription("Payload bytes sent and received by the connection")
                .buildWithCallback(
                    m ->
                        directions(
                            m, connection, servers, Statistics::outBytes, Statistics::inBytes)),
            meter
                .counterBuilder("nats.client.reconnects")
                .setUnit("{reconnect}")
                .setDescription("Times the connection reconnected")
                .buildWithCallback(
                    m ->
                        m.record(
                            connection.statistics().reconnects(),
                            attributes(connection, servers).build())),
            meter
                .counterBuilder("nats.client.dropped.messages")
                .setUnit("{message}")
                .setDescription("Messages dropped by slow consumers")
                .buildWithCallback(
                    m ->
                        m.record(
                            connection.statistics().droppedMessages(),
                            attributes(connection, servers).build())));
    return () -> counters.forEach(ObservableLongCounter::close);
  }

  private static void directions(
      ObservableLongMeasurement m,
      Connection connection,
      ServerAttributes servers,
      ToLongFunction<Statistics> out,
      ToLongFunction<Statistics> in) {
    Statistics s = connection.statistics();
    Attributes base = attributes(connection, servers).build();
    m.record(out.applyAsLong(s), base.toBuilder().put(DIRECTION, "transmit").build());
    m.record(in.applyAsLong(s), base.toBuilder().put(DIRECTION, "receive").build());
  }

  private static AttributesBuilder attributes(Connection connection, ServerAttributes servers) {
    AttributesBuilder b = Attributes.builder().put(Semconv.MESSAGING_SYSTEM, Semconv.SYSTEM);
    ServerAttributes.Server s = servers.of(connection);
    if (s.address() != null) {
      b.put(Semconv.SERVER_ADDRESS, s.address());
      if (s.port() > 0) {
        b.put(Semconv.SERVER_PORT, s.port());
      }
    }
    return b;
  }
}

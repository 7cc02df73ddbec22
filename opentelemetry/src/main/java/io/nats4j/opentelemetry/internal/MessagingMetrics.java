package io.nats4j.opentelemetry.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;

/**
 * The per-message instruments the observer records into.
 *
 * <p>Thread-safety: the instruments are thread-safe.
 */
public final class MessagingMetrics {
  private static final List<Double> LATENCY_BUCKETS =
      List.of(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);
  private static final List<Double> LAG_BUCKETS =
      List.of(0.001, 0.01, 0.1, 0.5, 1.0, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0);

  final LongCounter sent;
  final LongCounter consumed;
  final LongUpDownCounter pending;
  final DoubleHistogram requestDuration;
  final DoubleHistogram publishAckDuration;
  final DoubleHistogram processDuration;
  final DoubleHistogram consumeLag;

  /**
   * Creates the instruments.
   *
   * @param openTelemetry where the meter comes from
   */
  public MessagingMetrics(OpenTelemetry openTelemetry) {
    Meter meter = openTelemetry.getMeter("io.nats4j");
    sent =
        meter
            .counterBuilder("messaging.client.sent.messages")
            .setUnit("{message}")
            .setDescription("Messages published: publishes, requests, JetStream publishes")
            .build();
    consumed =
        meter
            .counterBuilder("messaging.client.consumed.messages")
            .setUnit("{message}")
            .setDescription("Messages handed to handlers and returned by fetches")
            .build();
    pending =
        meter
            .upDownCounterBuilder("nats.client.pending")
            .setUnit("{operation}")
            .setDescription("Requests awaiting their reply and JetStream publishes their ack")
            .build();
    requestDuration =
        meter
            .histogramBuilder("nats.client.request.duration")
            .setUnit("s")
            .setDescription("Request to reply latency")
            .setExplicitBucketBoundariesAdvice(LATENCY_BUCKETS)
            .build();
    publishAckDuration =
        meter
            .histogramBuilder("nats.jetstream.publish.ack.duration")
            .setUnit("s")
            .setDescription("JetStream publish to ack latency")
            .setExplicitBucketBoundariesAdvice(LATENCY_BUCKETS)
            .build();
    processDuration =
        meter
            .histogramBuilder("messaging.process.duration")
            .setUnit("s")
            .setDescription("How long message handlers ran")
            .setExplicitBucketBoundariesAdvice(LATENCY_BUCKETS)
            .build();
    consumeLag =
        meter
            .histogramBuilder("nats.jetstream.consume.lag")
            .setUnit("s")
            .setDescription("From a message stored in its stream to its handler call or fetch")
            .setExplicitBucketBoundariesAdvice(LAG_BUCKETS)
            .build();
  }

  static Attributes base(String operation, String errorType) {
    return errorType == null
        ? Attributes.of(Semconv.MESSAGING_SYSTEM, Semconv.SYSTEM, Semconv.OPERATION_NAME, operation)
        : Attributes.of(
            Semconv.MESSAGING_SYSTEM,
            Semconv.SYSTEM,
            Semconv.OPERATION_NAME,
            operation,
            Semconv.ERROR_TYPE,
            errorType);
  }
}

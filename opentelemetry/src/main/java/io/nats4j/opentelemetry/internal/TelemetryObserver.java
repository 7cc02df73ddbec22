package io.nats4j.opentelemetry.internal;

import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.MessageObserver;
import io.nats4j.client.ObservedDelivery;
import io.nats4j.client.ObservedPublish;
import io.nats4j.jetstream.JsMessage;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@link MessageObserver} of {@code NatsTelemetry}: a span per observed operation, the trace
 * context injected into outgoing headers and extracted from incoming ones, and the per-message
 * metrics.
 *
 * <p>Thread-safety: stateless but for the server-address cache; a handler span's scope is opened
 * and closed on the handler's thread, as the observer contract guarantees.
 */
public final class TelemetryObserver implements MessageObserver {
  private static final double NANOS_PER_SECOND = 1e9;

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final MessagingMetrics metrics;
  private final ServerAttributes servers = new ServerAttributes();

  /**
   * Creates the observer.
   *
   * @param openTelemetry the tracer and propagators
   * @param metrics the instruments
   */
  public TelemetryObserver(OpenTelemetry openTelemetry, MessagingMetrics metrics) {
    this.tracer = openTelemetry.getTracer("io.nats4j");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.metrics = metrics;
  }

  @Override
  public Observation publishing(ObservedPublish p) {
    boolean request = p.kind() == ObservedPublish.Kind.REQUEST;
    String operation = request ? "request" : "publish";
    Context parent = Context.current();
    SpanBuilder b =
        tracer
            .spanBuilder(operation + " " + spanTarget(p.subject()))
            .setSpanKind(request ? SpanKind.CLIENT : SpanKind.PRODUCER)
            .setParent(parent)
            .setAttribute(Semconv.MESSAGING_SYSTEM, Semconv.SYSTEM)
            .setAttribute(Semconv.DESTINATION, p.subject())
            .setAttribute(Semconv.OPERATION_TYPE, "send")
            .setAttribute(Semconv.OPERATION_NAME, operation)
            .setAttribute(Semconv.BODY_SIZE, p.dataSize());
    if (p.subject().startsWith("_INBOX.")) {
      b.setAttribute(Semconv.TEMPORARY, true);
    }
    server(b, p.connection());
    Span span = b.startSpan();
    propagator.inject(parent.with(span), p.headers(), HeadersCarrier.INSTANCE);
    boolean awaited = p.kind() != ObservedPublish.Kind.PUBLISH;
    Attributes pendingKey = MessagingMetrics.base(operation, null);
    if (awaited) {
      metrics.pending.add(1, pendingKey);
    }
    long start = System.nanoTime();
    return error -> {
      String errorType = fail(span, error);
      span.end();
      Attributes a = MessagingMetrics.base(operation, errorType);
      metrics.sent.add(1, a);
      if (awaited) {
        metrics.pending.add(-1, pendingKey);
        double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
        (request ? metrics.requestDuration : metrics.publishAckDuration).record(seconds, a);
      }
    };
  }

  @Override
  public Observation delivering(ObservedDelivery d) {
    if (d.kind() == ObservedDelivery.Kind.JETSTREAM_FETCH) {
      return fetched(d);
    }
    Message m = d.messages().get(0);
    Context parent = propagator.extract(Context.current(), headersOf(m), HeadersCarrier.INSTANCE);
    boolean js = d.kind() == ObservedDelivery.Kind.JETSTREAM_CONSUME;
    SpanBuilder b =
        tracer
            .spanBuilder("process " + spanTarget(m.subject()))
            .setSpanKind(SpanKind.CONSUMER)
            .setParent(parent)
            .setAttribute(Semconv.MESSAGING_SYSTEM, Semconv.SYSTEM)
            .setAttribute(Semconv.DESTINATION, m.subject())
            .setAttribute(Semconv.OPERATION_TYPE, "process")
            .setAttribute(Semconv.OPERATION_NAME, "process")
            .setAttribute(Semconv.BODY_SIZE, (long) m.data().length);
    if (js) {
      b.setAttribute(Semconv.STREAM, d.stream())
          .setAttribute(Semconv.CONSUMER_GROUP, d.consumer())
          .setAttribute(Semconv.SUBSCRIPTION, d.consumer());
    } else {
      if (d.queueGroup() != null) {
        b.setAttribute(Semconv.CONSUMER_GROUP, d.queueGroup());
      }
      b.setAttribute(Semconv.SUBSCRIPTION, d.subscriptionSubject());
    }
    server(b, d.connection());
    Span span = b.startSpan();
    Scope scope = parent.with(span).makeCurrent();
    long start = System.nanoTime();
    if (js) {
      lag(m);
    }
    return error -> {
      scope.close();
      String errorType = fail(span, error);
      span.end();
      Attributes a = MessagingMetrics.base("process", errorType);
      metrics.consumed.add(1, a);
      metrics.processDuration.record((System.nanoTime() - start) / NANOS_PER_SECOND, a);
    };
  }

  /** A fetch: one receive span linked to the producer of each message (batch: links, no parent). */
  private Observation fetched(ObservedDelivery d) {
    SpanBuilder b =
        tracer
            .spanBuilder("fetch " + d.stream())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(Semconv.MESSAGING_SYSTEM, Semconv.SYSTEM)
            .setAttribute(Semconv.DESTINATION, d.stream())
            .setAttribute(Semconv.OPERATION_TYPE, "receive")
            .setAttribute(Semconv.OPERATION_NAME, "fetch")
            .setAttribute(Semconv.STREAM, d.stream())
            .setAttribute(Semconv.CONSUMER_GROUP, d.consumer())
            .setAttribute(Semconv.SUBSCRIPTION, d.consumer())
            .setAttribute(Semconv.BATCH_COUNT, (long) d.messages().size());
    server(b, d.connection());
    for (Message m : d.messages()) {
      SpanContext producer =
          Span.fromContext(
                  propagator.extract(Context.root(), headersOf(m), HeadersCarrier.INSTANCE))
              .getSpanContext();
      if (producer.isValid()) {
        b.addLink(producer);
      }
      lag(m);
    }
    Span span = b.startSpan();
    return error -> {
      String errorType = fail(span, error);
      span.end();
      metrics.consumed.add(d.messages().size(), MessagingMetrics.base("fetch", errorType));
    };
  }

  /**
   * A span name holds a low-cardinality destination: a reply inbox is named "(temporary)", as the
   * messaging conventions say for temporary destinations (the subject stays in the attributes).
   */
  static String spanTarget(String subject) {
    return subject.startsWith("_INBOX.") ? "(temporary)" : subject;
  }

  private void lag(Message m) {
    if (m instanceof JsMessage jm) {
      Instant stored = jm.metadata().timestamp();
      if (stored != null) {
        Duration lag = Duration.between(stored, Instant.now());
        metrics.consumeLag.record(
            Math.max(0, lag.toNanos()) / NANOS_PER_SECOND, MessagingMetrics.base("process", null));
      }
    }
  }

  private void server(SpanBuilder b, io.nats4j.client.Connection connection) {
    ServerAttributes.Server s = servers.of(connection);
    if (s.address() != null) {
      b.setAttribute(Semconv.SERVER_ADDRESS, s.address());
      if (s.port() > 0) {
        b.setAttribute(Semconv.SERVER_PORT, s.port());
      }
    }
  }

  private static String fail(Span span, Throwable error) {
    if (error == null) {
      return null;
    }
    String type = error.getClass().getName();
    span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
    span.recordException(error);
    span.setAttribute(Semconv.ERROR_TYPE, type);
    return type;
  }

  private static Headers headersOf(Message m) {
    return m.hasHeaders() ? m.headers() : null;
  }
}

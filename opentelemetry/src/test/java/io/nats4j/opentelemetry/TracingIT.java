package io.nats4j.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.AckPolicy;
import io.nats4j.jetstream.ConsumeHandle;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.FetchOptions;
import io.nats4j.jetstream.FetchResult;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Traces and metrics across two connections, against the real server, with the SDK in memory. */
@NatsServerTest
@io.nats4j.testkit.JetStream
class TracingIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final NatsServer server;
  private InMemorySpanExporter spans;
  private InMemoryMetricReader metrics;
  private OpenTelemetrySdk otel;
  private Connection producer;
  private Connection consumer;

  TracingIT(NatsServer server) {
    this.server = server;
  }

  @BeforeEach
  void setUp() {
    spans = InMemorySpanExporter.create();
    metrics = InMemoryMetricReader.create();
    otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    NatsTelemetry telemetry = NatsTelemetry.create(otel);
    producer = connect(telemetry, "producer");
    consumer = connect(telemetry, "consumer");
  }

  private Connection connect(NatsTelemetry telemetry, String name) {
    return Nats.connect(
        Options.builder()
            .server(server.clientUrl())
            .name(name)
            .observer(telemetry.observer())
            .build());
  }

  @AfterEach
  void tearDown() {
    producer.close();
    consumer.close();
    otel.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void publishToAHandlerOnAnotherConnectionIsOneTrace() throws Exception {
    CountDownLatch handled = new CountDownLatch(1);
    consumer.defaultDispatcher().subscribe("trace.pub", "workers", m -> handled.countDown());
    Subscription raw = consumer.subscribe("trace.pub");
    consumer.flush(WAIT);

    producer.publish("trace.pub", bytes("hello"));
    assertTrue(handled.await(10, TimeUnit.SECONDS));
    Await.until(() -> spans.getFinishedSpanItems().size() == 2, WAIT, "two spans");

    SpanData publish = span("publish trace.pub");
    SpanData process = span("process trace.pub");
    assertEquals(SpanKind.PRODUCER, publish.getKind());
    assertEquals(SpanKind.CONSUMER, process.getKind());
    assertEquals(publish.getTraceId(), process.getTraceId());
    assertEquals(publish.getSpanId(), process.getParentSpanId());
    assertEquals("nats", attr(publish, "messaging.system"));
    assertEquals("trace.pub", attr(publish, "messaging.destination.name"));
    assertEquals("send", attr(publish, "messaging.operation.type"));
    assertEquals("publish", attr(publish, "messaging.operation.name"));
    assertEquals(
        5L, publish.getAttributes().get(AttributeKey.longKey("messaging.message.body.size")));
    assertEquals("process", attr(process, "messaging.operation.type"));
    assertEquals("workers", attr(process, "messaging.consumer.group.name"));
    assertEquals("127.0.0.1", attr(publish, "server.address"));

    Message onTheWire = raw.next(WAIT);
    assertEquals(
        "00-" + publish.getTraceId() + "-" + publish.getSpanId() + "-01",
        onTheWire.headers().first("traceparent"));
  }

  @Test
  void requestReplyIsOneTraceAndTheReplyIsAChildOfTheHandler() {
    consumer.defaultDispatcher().subscribe("trace.req", m -> m.respond(bytes("pong")));
    consumer.flush(WAIT);

    assertEquals("pong", producer.request("trace.req", bytes("ping"), WAIT).dataAsString());
    Await.until(() -> spans.getFinishedSpanItems().size() == 3, WAIT, "three spans");

    SpanData request = span("request trace.req");
    SpanData process = span("process trace.req");
    SpanData reply = span("publish (temporary)");
    assertTrue(attr(reply, "messaging.destination.name").startsWith("_INBOX."));
    assertEquals(SpanKind.CLIENT, request.getKind());
    assertEquals(request.getTraceId(), process.getTraceId());
    assertEquals(request.getSpanId(), process.getParentSpanId());
    assertEquals(process.getTraceId(), reply.getTraceId());
    assertEquals(process.getSpanId(), reply.getParentSpanId());
    // the reply leaves inside the handler, so the request may end before the handler's span does;
    // it cannot end before the reply's publish started
    assertTrue(request.getEndEpochNanos() >= reply.getStartEpochNanos());
    assertHistogramCount("nats.client.request.duration", 1);
  }

  @Test
  void jetStreamPublishConsumeAndFetchJoinTheProducersTrace() {
    JetStream pjs = JetStream.of(producer);
    JetStream cjs = JetStream.of(consumer);
    try {
      pjs.streams()
          .create(
              StreamConfig.builder("TRACE")
                  .subjects("trace.js.>")
                  .storage(StorageType.MEMORY)
                  .build());
      pjs.publish("trace.js.a", bytes("1"));
      cjs.consumers()
          .create(
              "TRACE",
              ConsumerConfig.builder().durableName("C").ackPolicy(AckPolicy.EXPLICIT).build());
      cjs.consumers()
          .create(
              "TRACE",
              ConsumerConfig.builder().durableName("F").ackPolicy(AckPolicy.EXPLICIT).build());
      CountDownLatch handled = new CountDownLatch(1);
      try (ConsumeHandle h =
          cjs.consumer("TRACE", "C")
              .consume(
                  m -> {
                    m.ack();
                    handled.countDown();
                  })) {
        assertTrue(handled.await(10, TimeUnit.SECONDS));
        Await.until(() -> spans.getFinishedSpanItems().size() == 2, WAIT, "publish and process");
      }
      FetchResult r =
          cjs.consumer("TRACE", "F")
              .fetch(
                  FetchOptions.builder().maxMessages(5).expiresIn(Duration.ofSeconds(1)).build());
      assertEquals(1, r.messages().size());

      SpanData publish = span("publish trace.js.a");
      SpanData process = span("process trace.js.a");
      SpanData fetch = span("fetch TRACE");
      assertEquals(publish.getSpanId(), process.getParentSpanId());
      assertEquals(publish.getTraceId(), process.getTraceId());
      assertEquals("TRACE", attr(process, "nats.jetstream.stream"));
      assertEquals("C", attr(process, "messaging.consumer.group.name"));
      assertEquals(1, fetch.getLinks().size());
      assertEquals(publish.getSpanId(), fetch.getLinks().get(0).getSpanContext().getSpanId());
      assertEquals("receive", attr(fetch, "messaging.operation.type"));
      assertHistogramCount("nats.jetstream.publish.ack.duration", 1);
      assertHistogramCount("nats.jetstream.consume.lag", 2);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    } finally {
      pjs.streams().delete("TRACE");
      pjs.close();
      cjs.close();
    }
  }

  @Test
  void connectionStatisticsAreReportedOnceRegistered() throws Exception {
    try (AutoCloseable registration = NatsTelemetry.create(otel).register(producer)) {
      producer.publish("trace.stats", bytes("12345"));
      producer.flush(WAIT);
      Collection<MetricData> all = metrics.collectAllMetrics();
      MetricData messages = metric(all, "nats.client.messages");
      long out =
          messages.getLongSumData().getPoints().stream()
              .filter(
                  p ->
                      "transmit"
                          .equals(
                              p.getAttributes()
                                  .get(AttributeKey.stringKey("network.io.direction"))))
              .mapToLong(p -> p.getValue())
              .sum();
      assertEquals(1, out);
      assertNotNull(metric(all, "nats.client.reconnects"));
      assertNotNull(metric(all, "messaging.client.sent.messages"));
    }
  }

  private void assertHistogramCount(String name, long count) {
    MetricData m = metric(metrics.collectAllMetrics(), name);
    assertEquals(
        count, m.getHistogramData().getPoints().stream().mapToLong(p -> p.getCount()).sum(), name);
  }

  private static MetricData metric(Collection<MetricData> all, String name) {
    return all.stream()
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + names(all)));
  }

  private static List<String> names(Collection<MetricData> all) {
    return all.stream().map(MetricData::getName).toList();
  }

  private SpanData span(String name) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no span "
                        + name
                        + " in "
                        + spans.getFinishedSpanItems().stream().map(SpanData::getName).toList()));
  }

  private static String attr(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

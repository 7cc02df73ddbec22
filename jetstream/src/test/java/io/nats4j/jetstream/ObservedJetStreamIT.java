package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.MessageObserver;
import io.nats4j.client.Nats;
import io.nats4j.client.ObservedDelivery;
import io.nats4j.client.ObservedPublish;
import io.nats4j.client.Options;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.NatsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JetStream publishes, consume handler calls and fetches as a {@link MessageObserver} sees them.
 */
class ObservedJetStreamIT extends StreamTestBase {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<String> events = new CopyOnWriteArrayList<>();
  private Connection observed;
  private JetStream ojs;

  ObservedJetStreamIT(NatsServer server) {
    super(server, "OBS");
  }

  @BeforeEach
  void connectObserved() {
    MessageObserver recorder =
        new MessageObserver() {
          @Override
          public Observation publishing(ObservedPublish p) {
            p.headers().put("traceparent", "tp-" + p.subject());
            events.add("publish " + p.kind() + " " + p.subject());
            return error -> events.add("end publish " + (error == null ? "ok" : "failed"));
          }

          @Override
          public Observation delivering(ObservedDelivery d) {
            StringBuilder line =
                new StringBuilder(
                    "deliver " + d.kind() + " " + d.stream() + "/" + d.consumer() + " [");
            for (Message m : d.messages()) {
              line.append(m.headers().first("traceparent")).append(' ');
            }
            events.add(line.append(']').toString());
            return error -> events.add("end deliver");
          }
        };
    observed =
        Nats.connect(Options.builder().server(server.clientUrl()).observer(recorder).build());
    ojs = JetStream.of(observed);
  }

  @AfterEach
  void closeObserved() {
    ojs.close();
    observed.close();
  }

  @Test
  void publishesAreObservedOnceUntilTheAckAndCarryTheHeaders() throws Exception {
    createStream(StorageType.MEMORY);
    String s = subject("a");
    ojs.publish(s, bytes("one"));
    ojs.publishAsync(s, new Headers().add("own", "x"), bytes("two"), PublishOptions.NONE)
        .get(10, TimeUnit.SECONDS);
    Await.until(() -> events.size() == 4, WAIT, "both publishes ended");
    assertEquals(
        List.of(
            "publish JETSTREAM_PUBLISH " + s,
            "end publish ok",
            "publish JETSTREAM_PUBLISH " + s,
            "end publish ok"),
        events);
    FetchResult stored =
        js.consumer(stream, js.consumers().create(stream, ConsumerConfig.builder().build()).name())
            .fetch(FetchOptions.builder().maxMessages(2).expiresIn(WAIT).build());
    assertEquals("tp-" + s, stored.messages().get(0).headers().first("traceparent"));
    assertEquals("x", stored.messages().get(1).headers().first("own"));
  }

  @Test
  void consumeHandlerCallsAndFetchesAreObservedWithStreamAndConsumer() throws Exception {
    createStream(StorageType.MEMORY);
    Headers h = new Headers().add("traceparent", "tp-1");
    js.publish(subject("b"), h, bytes("1"), PublishOptions.NONE);
    js.publish(subject("b"), bytes("2"));
    js.consumers()
        .create(
            stream,
            ConsumerConfig.builder().durableName("C").ackPolicy(AckPolicy.EXPLICIT).build());
    js.consumers()
        .create(
            stream,
            ConsumerConfig.builder().durableName("F").ackPolicy(AckPolicy.EXPLICIT).build());

    List<String> handled = new CopyOnWriteArrayList<>();
    try (ConsumeHandle handle =
        ojs.consumer(stream, "C")
            .consume(
                m -> {
                  handled.add(m.dataAsString());
                  m.ack();
                })) {
      Await.until(() -> handled.size() == 2 && events.size() == 4, WAIT, "two handler calls");
    }
    assertEquals(
        List.of(
            "deliver JETSTREAM_CONSUME " + stream + "/C [tp-1 ]",
            "end deliver",
            "deliver JETSTREAM_CONSUME " + stream + "/C [null ]",
            "end deliver"),
        events);

    events.clear();
    FetchResult r =
        ojs.consumer(stream, "F")
            .fetch(FetchOptions.builder().maxMessages(5).expiresIn(Duration.ofSeconds(1)).build());
    assertEquals(2, r.messages().size());
    assertEquals(
        List.of("deliver JETSTREAM_FETCH " + stream + "/F [tp-1 null ]", "end deliver"), events);
    assertTrue(events.stream().noneMatch(e -> e.contains("HANDLER")), events::toString);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

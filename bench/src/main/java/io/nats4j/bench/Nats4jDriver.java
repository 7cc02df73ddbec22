package io.nats4j.bench;

import io.nats4j.bench.BenchOptions.Storage;
import io.nats4j.client.Connection;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.Message;
import io.nats4j.client.MessageObserver;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.ReconnectOptions;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamOptions;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** nats4j with its default options (reconnect off, as for jnats, so a failure ends the run). */
final class Nats4jDriver implements ClientDriver {

  private final String name;
  private final MessageObserver observer;

  Nats4jDriver() {
    this("nats4j", null);
  }

  /** A driver whose connections have {@code observer} installed (the hooks' cost). */
  Nats4jDriver(String name, MessageObserver observer) {
    this.name = name;
    this.observer = observer;
  }

  @Override
  public String name() {
    return name;
  }

  private Connection connect(String url) {
    return Nats.connect(
        Options.builder()
            .server(url)
            .name("nats4j-bench")
            .observer(observer)
            .reconnect(ReconnectOptions.disabled())
            .build());
  }

  @Override
  public RunResult pub(String url, String subject, int msgs, byte[] payload) {
    try (Connection c = connect(url)) {
      Meter meter = Meter.start();
      for (int i = 0; i < msgs; i++) {
        c.publish(subject, payload);
      }
      c.flush(Scenarios.FLUSH_TIMEOUT);
      return meter.throughput();
    }
  }

  @Override
  public RunResult pubsub(String url, String subject, int msgs, byte[] payload)
      throws InterruptedException {
    try (Connection subscriber = connect(url);
        Connection publisher = connect(url)) {
      CountDownLatch done = new CountDownLatch(1);
      int[] received = {0}; // touched only by the dispatcher thread; the latch publishes it
      Dispatcher dispatcher = subscriber.createDispatcher("bench");
      Subscription subscription =
          dispatcher.subscribe(
              subject,
              m -> {
                if (++received[0] == msgs) {
                  done.countDown();
                }
              });
      subscription.setPendingLimits(0, 0);
      subscriber.flush(Scenarios.FLUSH_TIMEOUT);
      Meter meter = Meter.start();
      for (int i = 0; i < msgs; i++) {
        publisher.publish(subject, payload);
      }
      publisher.flush(Scenarios.FLUSH_TIMEOUT);
      Duration limit = Scenarios.receiveTimeout(msgs);
      if (!done.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "nats4j subscriber got "
                + subscription.deliveredMessages()
                + " of "
                + msgs
                + " messages within "
                + limit
                + " (dropped "
                + subscription.droppedMessages()
                + ")");
      }
      return meter.throughput();
    }
  }

  @Override
  public RunResult reqrep(String url, String subject, int msgs, byte[] payload) throws Exception {
    try (Connection responder = connect(url);
        Connection requester = connect(url)) {
      responder.createDispatcher("bench-responder").subscribe(subject, m -> m.respond(m.data()));
      responder.flush(Scenarios.FLUSH_TIMEOUT);
      return Scenarios.timeEach(
          msgs,
          i -> {
            Message reply = requester.request(subject, payload, Scenarios.REQUEST_TIMEOUT);
            if (reply.data().length != payload.length) {
              throw new IllegalStateException("nats4j reply " + i + " has the wrong size");
            }
          });
    }
  }

  @Override
  public RunResult jsPub(String url, String subject, int msgs, byte[] payload, Storage storage)
      throws Exception {
    try (Connection c = connect(url);
        JetStream js = JetStream.of(c)) {
      String stream = createStream(js, subject, storage);
      try {
        RunResult result =
            Scenarios.timeEach(
                msgs,
                i -> Scenarios.checkSequence(name(), js.publish(subject, payload).seq(), i + 1));
        Scenarios.checkStored(name(), js.streams().info(stream).state().messages(), msgs);
        return result;
      } finally {
        js.streams().delete(stream);
      }
    }
  }

  @Override
  public RunResult jsPubAsync(
      String url, String subject, int msgs, byte[] payload, Storage storage) {
    JetStreamOptions options =
        JetStreamOptions.builder().maxOutstandingAcks(Scenarios.ASYNC_ACK_WINDOW).build();
    try (Connection c = connect(url);
        JetStream js = JetStream.of(c, options)) {
      String stream = createStream(js, subject, storage);
      try {
        CompletableFuture<PubAck> last = null;
        Meter meter = Meter.start();
        for (int i = 0; i < msgs; i++) {
          last = js.publishAsync(subject, payload); // blocks while the window is full
        }
        js.waitForOutstandingAcks(Scenarios.receiveTimeout(msgs));
        RunResult result = meter.throughput();
        Scenarios.checkSequence(name(), last.join().seq(), msgs);
        Scenarios.checkStored(name(), js.streams().info(stream).state().messages(), msgs);
        return result;
      } finally {
        js.streams().delete(stream);
      }
    }
  }

  private static String createStream(JetStream js, String subject, Storage storage) {
    String stream = Scenarios.streamName(subject);
    js.streams()
        .create(
            StreamConfig.builder(stream)
                .subjects(subject)
                .storage(storage == Storage.MEMORY ? StorageType.MEMORY : StorageType.FILE)
                .build());
    return stream;
  }
}

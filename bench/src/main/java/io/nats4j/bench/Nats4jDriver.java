package io.nats4j.bench;

import io.nats4j.client.Connection;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.ReconnectOptions;
import io.nats4j.client.Subscription;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** nats4j with its default options (reconnect off, as for jnats, so a failure ends the run). */
final class Nats4jDriver implements ClientDriver {

  @Override
  public String name() {
    return "nats4j";
  }

  private static Connection connect(String url) {
    return Nats.connect(
        Options.builder()
            .server(url)
            .name("nats4j-bench")
            .reconnect(ReconnectOptions.disabled())
            .build());
  }

  @Override
  public RunResult pub(String url, String subject, int msgs, byte[] payload) {
    try (Connection c = connect(url)) {
      long start = System.nanoTime();
      for (int i = 0; i < msgs; i++) {
        c.publish(subject, payload);
      }
      c.flush(Scenarios.FLUSH_TIMEOUT);
      return RunResult.throughput(System.nanoTime() - start);
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
      long start = System.nanoTime();
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
      return RunResult.throughput(System.nanoTime() - start);
    }
  }

  @Override
  public RunResult reqrep(String url, String subject, int msgs, byte[] payload) {
    try (Connection responder = connect(url);
        Connection requester = connect(url)) {
      responder.createDispatcher("bench-responder").subscribe(subject, m -> m.respond(m.data()));
      responder.flush(Scenarios.FLUSH_TIMEOUT);
      long[] latencies = new long[msgs];
      long start = System.nanoTime();
      for (int i = 0; i < msgs; i++) {
        long t0 = System.nanoTime();
        Message reply = requester.request(subject, payload, Scenarios.REQUEST_TIMEOUT);
        latencies[i] = System.nanoTime() - t0;
        if (reply.data().length != payload.length) {
          throw new IllegalStateException("nats4j reply " + i + " has the wrong size");
        }
      }
      return RunResult.latency(System.nanoTime() - start, latencies);
    }
  }
}

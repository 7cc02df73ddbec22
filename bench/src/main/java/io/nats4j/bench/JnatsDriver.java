package io.nats4j.bench;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The official client, io.nats:jnats, with its default options. */
final class JnatsDriver implements ClientDriver {

  @Override
  public String name() {
    return "jnats";
  }

  private static Connection connect(String url) throws Exception {
    Options options =
        new Options.Builder().server(url).connectionName("nats4j-bench").maxReconnects(0).build();
    return Nats.connect(options);
  }

  @Override
  public RunResult pub(String url, String subject, int msgs, byte[] payload) throws Exception {
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
  public RunResult pubsub(String url, String subject, int msgs, byte[] payload) throws Exception {
    try (Connection subscriber = connect(url);
        Connection publisher = connect(url)) {
      CountDownLatch done = new CountDownLatch(1);
      int[] received = {0}; // touched only by the dispatcher thread; the latch publishes it
      Dispatcher dispatcher =
          subscriber.createDispatcher(
              m -> {
                if (++received[0] == msgs) {
                  done.countDown();
                }
              });
      dispatcher.setPendingLimits(0, 0);
      dispatcher.subscribe(subject);
      subscriber.flush(Scenarios.FLUSH_TIMEOUT);
      long start = System.nanoTime();
      for (int i = 0; i < msgs; i++) {
        publisher.publish(subject, payload);
      }
      publisher.flush(Scenarios.FLUSH_TIMEOUT);
      Duration limit = Scenarios.receiveTimeout(msgs);
      if (!done.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "jnats subscriber got only some of "
                + msgs
                + " messages within "
                + limit
                + " (dropped "
                + dispatcher.getDroppedCount()
                + ")");
      }
      return RunResult.throughput(System.nanoTime() - start);
    }
  }

  @Override
  public RunResult reqrep(String url, String subject, int msgs, byte[] payload) throws Exception {
    try (Connection responder = connect(url);
        Connection requester = connect(url)) {
      Dispatcher dispatcher =
          responder.createDispatcher(m -> responder.publish(m.getReplyTo(), m.getData()));
      dispatcher.subscribe(subject);
      responder.flush(Scenarios.FLUSH_TIMEOUT);
      long[] latencies = new long[msgs];
      long start = System.nanoTime();
      for (int i = 0; i < msgs; i++) {
        long t0 = System.nanoTime();
        Message reply = requester.request(subject, payload, Scenarios.REQUEST_TIMEOUT);
        latencies[i] = System.nanoTime() - t0;
        if (reply == null) {
          throw new IllegalStateException("jnats request " + i + " timed out");
        }
      }
      return RunResult.latency(System.nanoTime() - start, latencies);
    }
  }
}

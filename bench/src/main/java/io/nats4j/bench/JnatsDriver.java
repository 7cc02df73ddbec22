package io.nats4j.bench;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats4j.bench.BenchOptions.Storage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
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
      Meter meter = Meter.start();
      for (int i = 0; i < msgs; i++) {
        c.publish(subject, payload);
      }
      c.flush(Scenarios.FLUSH_TIMEOUT);
      return meter.throughput();
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
      Meter meter = Meter.start();
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
      return meter.throughput();
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
      return Scenarios.timeEach(
          msgs,
          i -> {
            Message reply = requester.request(subject, payload, Scenarios.REQUEST_TIMEOUT);
            if (reply == null) {
              throw new IllegalStateException("jnats request " + i + " timed out");
            }
          });
    }
  }

  @Override
  public RunResult jsPub(String url, String subject, int msgs, byte[] payload, Storage storage)
      throws Exception {
    try (Connection c = connect(url)) {
      JetStreamManagement jsm = c.jetStreamManagement();
      String stream = createStream(jsm, subject, storage);
      try {
        JetStream js = c.jetStream();
        RunResult result =
            Scenarios.timeEach(
                msgs,
                i ->
                    Scenarios.checkSequence(
                        name(), js.publish(subject, payload).getSeqno(), i + 1));
        Scenarios.checkStored(
            name(), jsm.getStreamInfo(stream).getStreamState().getMsgCount(), msgs);
        return result;
      } finally {
        jsm.deleteStream(stream);
      }
    }
  }

  /**
   * jnats bounds nothing but its outgoing queue, so the window is kept here: when {@link
   * Scenarios#ASYNC_ACK_WINDOW} futures are outstanding, wait for the oldest (acks arrive in
   * order).
   */
  @Override
  public RunResult jsPubAsync(String url, String subject, int msgs, byte[] payload, Storage storage)
      throws Exception {
    try (Connection c = connect(url)) {
      JetStreamManagement jsm = c.jetStreamManagement();
      String stream = createStream(jsm, subject, storage);
      try {
        JetStream js = c.jetStream();
        ArrayDeque<CompletableFuture<PublishAck>> window =
            new ArrayDeque<>(Scenarios.ASYNC_ACK_WINDOW);
        long timeoutMillis = Scenarios.ACK_TIMEOUT.toMillis();
        PublishAck last = null;
        Meter meter = Meter.start();
        for (int i = 0; i < msgs; i++) {
          if (window.size() == Scenarios.ASYNC_ACK_WINDOW) {
            window.poll().get(timeoutMillis, TimeUnit.MILLISECONDS);
          }
          window.add(js.publishAsync(subject, payload));
        }
        while (!window.isEmpty()) {
          last = window.poll().get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        RunResult result = meter.throughput();
        Scenarios.checkSequence(name(), last.getSeqno(), msgs);
        Scenarios.checkStored(
            name(), jsm.getStreamInfo(stream).getStreamState().getMsgCount(), msgs);
        return result;
      } finally {
        jsm.deleteStream(stream);
      }
    }
  }

  private static String createStream(JetStreamManagement jsm, String subject, Storage storage)
      throws Exception {
    String stream = Scenarios.streamName(subject);
    jsm.addStream(
        StreamConfiguration.builder()
            .name(stream)
            .subjects(subject)
            .storageType(storage == Storage.MEMORY ? StorageType.Memory : StorageType.File)
            .build());
    return stream;
  }
}

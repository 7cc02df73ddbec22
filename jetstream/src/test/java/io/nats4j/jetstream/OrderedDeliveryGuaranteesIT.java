package io.nats4j.jetstream;

import static io.nats4j.jetstream.ReadFaults.BOUND;
import static io.nats4j.jetstream.ReadFaults.N;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsCluster;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ordered consumer's promise, black box: every message exactly once, in stream order, in every
 * form of reading (consume, messages iterator, fetch, next), through the faults of production: a
 * consumer leader stepdown and a stream leader kill -9 on a 3-node cluster, a server restart and a
 * reconnect. Each test sends 10,000 messages and injects its fault when half were read, while the
 * reader holds the next message back.
 */
class OrderedDeliveryGuaranteesIT {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static NatsCluster cluster;
  private static NatsServer single;

  /** The four ways to read an ordered consumer. */
  enum Form {
    CONSUME,
    ITERATE,
    FETCH,
    NEXT
  }

  /** What is done to the system when half the messages were read. */
  interface Fault {
    void inject(OrderedConsumer oc) throws Exception;
  }

  @BeforeAll
  static void startServers() {
    cluster = NatsCluster.start(3, ServerConfig.builder().jetStream().build());
    single = NatsServer.start(ServerConfig.builder().jetStream().build());
  }

  @AfterAll
  static void stopServers() {
    try {
      cluster.close();
    } finally {
      single.close();
    }
    LibraryThreads.assertNoneLeaked();
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void exactlyOnceInOrderThroughAConsumerLeaderStepdown(Form form) throws Exception {
    String stream = "ODSTEP" + COUNTER.incrementAndGet();
    NatsServer leader = ReadFaults.createStream(cluster, r3(stream));
    try (Connection nc = Nats.connect(ReadFaults.urlsPreferringAllBut(cluster, leader));
        JetStream js = JetStream.of(nc)) {
      ReadFaults.publishNumbers(js, stream.toLowerCase(), N);
      readThrough(
          js,
          stream,
          form,
          oc -> {
            // an ordered consumer is R1: the server accepts the stepdown but has no other peer to
            // move it to, so the stream's leader is moved too
            ReadFaults.stepDownConsumer(nc, stream, oc.currentInfo().name());
            ReadFaults.stepDownStream(nc, js, stream, null);
          });
    }
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  @RequiresServerVersion("2.11.0") // a stream leader stepdown with a preferred peer
  void exactlyOnceInOrderThroughAStreamLeaderKill(Form form) throws Exception {
    String stream = "ODKILL" + COUNTER.incrementAndGet();
    NatsServer leader = ReadFaults.createStream(cluster, r3(stream));
    try (Connection nc = Nats.connect(ReadFaults.urlsPreferringAllBut(cluster, leader));
        JetStream js = JetStream.of(nc)) {
      ReadFaults.publishNumbers(js, stream.toLowerCase(), N);
      NatsServer[] killed = new NatsServer[1];
      try {
        readThrough(
            js,
            stream,
            form,
            oc -> {
              // the hardest case: the killed stream leader also hosts the (R1) ordered consumer
              String host = oc.currentInfo().cluster().leader();
              ReadFaults.stepDownStream(nc, js, stream, host);
              killed[0] = ReadFaults.serverNamed(cluster, host);
              killed[0].kill();
            });
      } finally {
        if (killed[0] != null) {
          killed[0].restart();
          cluster.awaitFormed();
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void exactlyOnceInOrderThroughAServerRestart(Form form) throws Exception {
    String stream = "ODRESTART" + COUNTER.incrementAndGet();
    try (Connection nc = Nats.connect(single.clientUrl());
        JetStream js = JetStream.of(nc)) {
      ReadFaults.createSingleStream(js, stream, StorageType.FILE);
      ReadFaults.publishNumbers(js, stream.toLowerCase(), N);
      readThrough(js, stream, form, oc -> ReadFaults.restartAndAwaitReconnect(single, nc));
      js.streams().delete(stream);
    }
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void exactlyOnceInOrderThroughAReconnect(Form form) throws Exception {
    String stream = "ODRECONNECT" + COUNTER.incrementAndGet();
    try (Connection nc = Nats.connect(single.clientUrl());
        JetStream js = JetStream.of(nc)) {
      ReadFaults.createSingleStream(js, stream, StorageType.MEMORY);
      ReadFaults.publishNumbers(js, stream.toLowerCase(), N);
      readThrough(js, stream, form, oc -> nc.forceReconnect());
      js.streams().delete(stream);
    }
  }

  private static StreamConfig r3(String stream) {
    return StreamConfig.builder(stream).subjects(stream.toLowerCase()).numReplicas(3).build();
  }

  /**
   * Reads the stream with an ordered consumer in {@code form}; when half was read, holds the
   * reader, injects the fault, lets it go on, and checks that 1..N came exactly once, in order.
   */
  private static void readThrough(JetStream js, String stream, Form form, Fault fault)
      throws Exception {
    OrderedConsumer oc = js.orderedConsumer(stream, OrderedConsumerConfig.builder().build());
    List<Long> seen = new CopyOnWriteArrayList<>();
    List<String> resets = new CopyOnWriteArrayList<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    CountDownLatch half = new CountDownLatch(1);
    CountDownLatch faulted = new CountDownLatch(1);
    Reader reader =
        new Reader(
            oc,
            form,
            seq -> {
              seen.add(seq);
              if (seen.size() == N / 2) {
                half.countDown();
                ReadFaults.await(faulted); // the fault comes while this reader is mid-stream
              }
            },
            resets,
            errors);
    long start = System.nanoTime();
    try {
      assertTrue(half.await(BOUND.toSeconds(), TimeUnit.SECONDS), "half read: " + errors);
      long faultAt = System.nanoTime();
      fault.inject(oc);
      faulted.countDown();
      awaitAllRead(form, seen, reader, resets, errors);
      System.out.printf(
          "OrderedDeliveryGuaranteesIT %s: %d in %d ms, the second half %d ms after the fault;"
              + " resets %s; errors on the way %d%n",
          form,
          N,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - faultAt),
          resets,
          errors.size());
    } finally {
      faulted.countDown();
      reader.close();
    }
    assertExactlyOnceInOrder(seen);
  }

  /**
   * Waits until N were read, or the reader gave up; the failure tells what was read and seen by
   * then (the state at the end, not at the start of the wait).
   */
  private static void awaitAllRead(
      Form form, List<Long> seen, Reader reader, List<String> resets, List<Throwable> errors) {
    try {
      Await.until(() -> seen.size() >= N || reader.gaveUp(), BOUND, form + ": all " + N + " read");
    } catch (AssertionError timeout) {
      // reported below with the state at the end
    }
    assertTrue(
        seen.size() >= N,
        form
            + ": "
            + seen.size()
            + " of "
            + N
            + " read"
            + (reader.gaveUp() ? " when the reader gave up" : " within " + BOUND)
            + "; resets "
            + resets
            + ", errors "
            + errors);
  }

  private static void assertExactlyOnceInOrder(List<Long> seen) {
    List<Long> got = new ArrayList<>(seen);
    for (int i = 0; i < got.size(); i++) {
      if (got.get(i) != i + 1) {
        assertEquals(
            i + 1,
            got.get(i),
            "position "
                + i
                + " of "
                + got.size()
                + ": "
                + got.subList(Math.max(0, i - 3), Math.min(got.size(), i + 4)));
      }
    }
    assertEquals(N, got.size(), "exactly " + N + " messages");
  }

  /** Reads in one form until closed, handing each stream sequence to {@code sink}. */
  private static final class Reader implements AutoCloseable {
    private final OrderedConsumer oc;
    private final Form form;
    private final LongConsumer sink;
    private final List<Throwable> errors;
    private final ConsumeOptions options;
    private volatile boolean closed;
    private ConsumeHandle handle;
    private Thread thread;

    Reader(
        OrderedConsumer oc,
        Form form,
        LongConsumer sink,
        List<String> resets,
        List<Throwable> errors) {
      this.oc = oc;
      this.form = form;
      this.sink = sink;
      this.errors = errors;
      // short heartbeats: a lost server consumer is noticed within the test's bound
      this.options =
          ConsumeOptions.builder()
              .batchSize(200)
              .expiresIn(Duration.ofSeconds(4))
              .idleHeartbeat(Duration.ofSeconds(1))
              .errorListener(
                  new ConsumeErrorListener() {
                    @Override
                    public void orderedReset(String reason, long next) {
                      resets.add(reason + " @" + next);
                    }

                    @Override
                    public void terminated(JetStreamException error) {
                      errors.add(error);
                    }
                  })
              .build();
      if (form == Form.CONSUME) {
        long until = System.nanoTime() + BOUND.toNanos();
        while (handle == null) {
          try {
            handle = oc.consume(m -> sink.accept(m.metadata().streamSequence()), options);
          } catch (NatsTimeoutException e) {
            // a loaded cluster did not answer the first consumer create in time: start again
            if (System.nanoTime() - until > 0) {
              throw e;
            }
            errors.add(e);
          }
        }
      } else {
        thread = new Thread(this::poll, "ordered-reader-" + form);
        thread.setDaemon(true);
        thread.start();
      }
    }

    private void poll() {
      ConsumerMessages it = null;
      try {
        while (!closed) {
          try {
            if (form == Form.ITERATE && it == null) {
              it = oc.messages(options);
            }
            switch (form) {
              case ITERATE ->
                  it.next(Duration.ofSeconds(1))
                      .ifPresent(m -> sink.accept(m.metadata().streamSequence()));
              case FETCH ->
                  oc.fetch(
                          FetchOptions.builder()
                              .maxMessages(500)
                              .expiresIn(Duration.ofSeconds(2))
                              .build())
                      .messages()
                      .forEach(m -> sink.accept(m.metadata().streamSequence()));
              case NEXT ->
                  oc.next(Duration.ofSeconds(2))
                      .ifPresent(m -> sink.accept(m.metadata().streamSequence()));
              default -> throw new AssertionError(form);
            }
          } catch (JetStreamException e) {
            errors.add(e); // a poller asks again; what matters is what it finally reads
            if (it != null) {
              return; // the iterator ended for good
            }
          } catch (NatsTimeoutException e) {
            if (it != null) {
              throw e;
            }
            // a loaded cluster did not answer the first consumer create in time: start again
            errors.add(e);
          }
        }
      } catch (RuntimeException e) {
        if (!closed) {
          errors.add(e);
        }
      } finally {
        if (it != null) {
          it.stop();
        }
      }
    }

    /** True when the polling thread ended on an error it could not ask past. */
    boolean gaveUp() {
      return thread != null && !thread.isAlive() && !closed;
    }

    @Override
    public void close() throws InterruptedException {
      closed = true;
      if (handle != null) {
        handle.stop();
      }
      if (thread != null) {
        thread.join(10_000);
      }
    }
  }
}

package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@RequiresServerVersion("2.12.0")
class CounterIT extends StreamTestBase {
  CounterIT(NatsServer server) {
    super(server, "CNT");
  }

  private void createCounterStream(String name, String subjects, StreamSource... sources) {
    StreamConfig.Builder b = StreamConfig.builder(name).allowMsgCounter(true);
    if (subjects != null) {
      b.subjects(subjects);
    }
    if (sources.length > 0) {
      b.sources(sources);
    }
    js.streams().create(b.build());
  }

  @Test
  void fiftyThreadsIncrementingOneCounterEndExact() throws Exception {
    createCounterStream(stream, subject + ".>");
    Counter counter = js.counter(stream);
    int threads = 50;
    int each = 40;
    Set<BigInteger> seen = ConcurrentHashMap.newKeySet();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < each; i++) {
                    seen.add(counter.increment(subject("hits"), 1));
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    BigInteger total = BigInteger.valueOf((long) threads * each);
    assertEquals(total, counter.value(subject("hits")));
    assertEquals(threads * each, seen.size(), "every increment saw a distinct total");
    assertTrue(seen.contains(total));
  }

  @Test
  void valuesAreArbitraryPrecisionAndGetShowsTheLastIncrement() {
    createCounterStream(stream, subject + ".>");
    Counter counter = js.counter(stream);
    BigInteger big = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN);
    assertEquals(big, counter.increment(subject("big"), big));
    assertEquals(big.add(BigInteger.ONE), counter.increment(subject("big"), 1));
    assertEquals(big.subtract(BigInteger.ONE), counter.increment(subject("big"), -2));
    CounterEntry e = counter.get(subject("big"));
    assertEquals(big.subtract(BigInteger.ONE), e.value());
    assertEquals(BigInteger.valueOf(-2), e.lastIncrement());
    assertTrue(e.sources().isEmpty());
    assertEquals(BigInteger.ZERO, counter.value(subject("never")));
    JetStreamApiException none =
        assertThrows(JetStreamApiException.class, () -> counter.get(subject("never")));
    assertEquals(JetStreamApiException.NO_MESSAGE_FOUND, none.errorCode());
  }

  @Test
  void anIncrementOnAPlainStreamIsRefused() {
    js.streams().create(StreamConfig.builder(stream).subjects(subject + ".>").build());
    JetStreamApiException e =
        assertThrows(
            JetStreamApiException.class, () -> js.counter(stream).increment(subject("x"), 1));
    assertEquals(JetStreamApiException.MESSAGE_INCR_DISABLED, e.errorCode(), e.getMessage());
  }

  @Test
  void countersAreSummedAcrossTwoSourcedStreams() {
    String eu = stream + "EU";
    String us = stream + "US";
    try {
      createCounterStream(eu, subject + ".eu.>");
      createCounterStream(us, subject + ".us.>");
      createCounterStream(
          stream,
          null,
          source(eu, subject + ".eu.hits", subject + ".all.hits"),
          source(us, subject + ".us.hits", subject + ".all.hits"));
      js.counter(eu).increment(subject("eu.hits"), 3);
      js.counter(eu).increment(subject("eu.hits"), 4);
      js.counter(us).increment(subject("us.hits"), 10);

      Counter total = js.counter(stream);
      Await.until(
          () -> total.value(subject("all.hits")).equals(BigInteger.valueOf(17)),
          Duration.ofSeconds(30),
          "the aggregate counter reached 3 + 4 + 10");
      CounterEntry e = total.get(subject("all.hits"));
      Map<String, Map<String, BigInteger>> sources = e.sources();
      assertEquals(
          BigInteger.valueOf(7), sources.get(eu).get(subject("eu.hits")), sources.toString());
      assertEquals(
          BigInteger.valueOf(10), sources.get(us).get(subject("us.hits")), sources.toString());
      assertNull(e.sources().get(stream));
    } finally {
      js.streams().delete(stream);
      js.streams().delete(eu);
      js.streams().delete(us);
    }
  }

  private static StreamSource source(String name, String from, String to) {
    return new StreamSource(name, 0, null, null, List.of(new SubjectTransform(from, to)), null);
  }
}

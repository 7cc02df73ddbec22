package io.nats4j.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB object put from a file and got back to a file with little heap: the live heap (measured
 * after each GC) may not grow by 64 MiB. Slow, so only run on request:
 *
 * <pre>
 * mvn -B -q -pl objectstore -am verify -Dit.test=ObjectMemoryIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dnats4j.objectstore.memory=true -DargLine=-Xmx256m
 * </pre>
 */
class ObjectMemoryIT {
  private static final long SIZE = 1L << 30;
  private static final long LIMIT = 64L * 1024 * 1024;

  @TempDir Path dir;

  /** The largest heap retained after a GC since the last reset, sampled every 20 ms. */
  static final class LiveHeap implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, "heap-sampler");
              t.setDaemon(true);
              return t;
            });

    LiveHeap() {
      sampler.scheduleAtFixedRate(
          () -> peak.accumulateAndGet(retained(), Math::max), 0, 20, TimeUnit.MILLISECONDS);
    }

    static long retained() {
      long sum = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
          sum += pool.getCollectionUsage().getUsed();
        }
      }
      return sum;
    }

    long peak() {
      return peak.get();
    }

    @Override
    public void close() throws InterruptedException {
      sampler.shutdownNow();
      sampler.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void putsAndGetsAGibibyteWithLittleHeap() throws Exception {
    assumeTrue(
        Boolean.getBoolean("nats4j.objectstore.memory"),
        "slow (1 GiB): run with -Dnats4j.objectstore.memory=true -DargLine=-Xmx256m");
    Path in = dir.resolve("in.bin");
    String digest = writeRandomFile(in);
    try (NatsServer server = NatsServer.start(ServerConfig.builder().jetStream().build());
        Connection nc = Nats.connect(server.clientUrl());
        JetStream js = JetStream.of(nc)) {
      ObjectStore store =
          ObjectStoreManager.of(js).create(ObjectStoreConfig.builder("MEM").build());
      System.gc();
      long baseline = LiveHeap.retained();
      long putPeak;
      long t0 = System.nanoTime();
      try (LiveHeap heap = new LiveHeap()) {
        ObjectInfo info = store.put(ObjectMeta.of("big"), in);
        assertEquals(SIZE, info.size());
        assertEquals(digest, info.digest());
        putPeak = heap.peak();
      }
      long putNanos = System.nanoTime() - t0;
      System.gc();
      long baseline2 = LiveHeap.retained();
      Path out = dir.resolve("out.bin");
      long getPeak;
      long t1 = System.nanoTime();
      try (LiveHeap heap = new LiveHeap()) {
        store.get("big", out);
        getPeak = heap.peak();
      }
      long getNanos = System.nanoTime() - t1;
      assertEquals(SIZE, Files.size(out));
      assertEquals(digest, digestOf(out));
      long putGrowth = Math.max(0, putPeak - baseline);
      long getGrowth = Math.max(0, getPeak - baseline2);
      System.out.printf(
          "ObjectMemoryIT: max heap %d MiB; put 1 GiB in %.1f s, live heap growth %.1f MiB;"
              + " get in %.1f s, live heap growth %.1f MiB%n",
          Runtime.getRuntime().maxMemory() >> 20,
          putNanos / 1e9,
          putGrowth / 1048576.0,
          getNanos / 1e9,
          getGrowth / 1048576.0);
      assertTrue(putGrowth < LIMIT, "put grew the live heap by " + putGrowth);
      assertTrue(getGrowth < LIMIT, "get grew the live heap by " + getGrowth);
    }
  }

  private static String writeRandomFile(Path file) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Random random = new Random(42);
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < SIZE; written += block.length) {
        random.nextBytes(block);
        sha.update(block);
        out.write(block);
      }
    }
    return "SHA-256=" + Base64.getUrlEncoder().encodeToString(sha.digest());
  }

  private static String digestOf(Path file) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 20];
    try (var in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw e;
    }
    return "SHA-256=" + Base64.getUrlEncoder().encodeToString(sha.digest());
  }
}

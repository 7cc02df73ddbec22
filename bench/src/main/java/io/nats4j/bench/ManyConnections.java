package io.nats4j.bench;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.testkit.NatsServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What many connections cost: N connections to one server, each with one async subscription on its
 * default dispatcher (none in mode {@code nosub}). Prints one JSON line: platform threads of the
 * JVM before, with the connections and after 12 s idle, heap per connection (after GC), and the
 * reconnect time of each connection after a restart of the server (p50/p99/max, from the moment the
 * restarted server accepts clients to the connection's {@code Resubscribed} event), with the
 * default reconnect options. Not a timed test: run it by hand.
 *
 * <pre>
 * java -cp bench/target/nats4j-bench.jar:bench/target/lib/* io.nats4j.bench.ManyConnections \
 *     [connections (500)] [platform|virtual|executor|nosub]
 * </pre>
 *
 * <p>Thread-safety: a command-line program.
 */
public final class ManyConnections {
  private ManyConnections() {}

  /**
   * Runs the measurement.
   *
   * @param args connection count, thread kind
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    String mode = args.length > 1 ? args[1] : "platform";
    boolean virtual = mode.equals("virtual");
    boolean subscribe = !mode.equals("nosub"); // "nosub": platform threads, no subscription
    // "executor": platform threads, dispatchers on one shared pool of 4 threads
    java.util.concurrent.ExecutorService handlers =
        mode.equals("executor") ? java.util.concurrent.Executors.newFixedThreadPool(4) : null;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (NatsServer server = NatsServer.start()) {
      int threadsBefore = threads.getThreadCount();
      long heapBefore = usedHeapAfterGc(memory);
      AtomicLongArray resubscribedAt = new AtomicLongArray(n);
      AtomicLong delivered = new AtomicLong();
      CountDownLatch allResubscribed = new CountDownLatch(n);
      List<Connection> connections = new ArrayList<>(n);
      long connectStart = System.nanoTime();
      for (int i = 0; i < n; i++) {
        int index = i;
        Options.Builder options =
            Options.builder()
                .server(server.clientUrl())
                .connectionListener(
                    event -> {
                      if (event instanceof ConnectionEvent.Resubscribed) {
                        resubscribedAt.set(index, System.nanoTime());
                        allResubscribed.countDown();
                      }
                    });
        if (handlers != null) {
          options.threads(
              io.nats4j.client.ThreadOptions.builder().dispatcherExecutor(handlers).build());
        }
        if (virtual) {
          // by reflection, so that this tool also runs against builds without the option
          Class<?> threadOptions = Class.forName("io.nats4j.client.ThreadOptions");
          Object builder = threadOptions.getMethod("builder").invoke(null);
          builder.getClass().getMethod("virtualThreads", boolean.class).invoke(builder, true);
          Options.Builder.class
              .getMethod("threads", threadOptions)
              .invoke(options, builder.getClass().getMethod("build").invoke(builder));
        }
        Connection nc = Nats.connect(options.build());
        if (subscribe) {
          nc.defaultDispatcher().subscribe("many." + i, m -> delivered.incrementAndGet());
        }
        connections.add(nc);
      }
      for (Connection nc : connections) {
        nc.flush(java.time.Duration.ofSeconds(30));
      }
      double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
      int threadsWith = threads.getThreadCount();
      long heapWith = usedHeapAfterGc(memory);
      // idle: threads that end after 10 s unused (events thread, dispatchers) are gone
      Thread.sleep(12_000);
      int threadsIdle = threads.getThreadCount();

      server.restart(); // returns once the new process accepts clients
      long ready = System.nanoTime();
      boolean reconnected = allResubscribed.await(120, TimeUnit.SECONDS);
      long[] millis = new long[n];
      int done = 0;
      for (int i = 0; i < n; i++) {
        long at = resubscribedAt.get(i);
        if (at != 0) {
          millis[done++] = Math.max(0, (at - ready) / 1_000_000);
        }
      }
      long[] sorted = Arrays.copyOf(millis, done);
      Arrays.sort(sorted);

      try (Connection publisher = Nats.connect(server.clientUrl())) {
        for (int i = 0; i < n; i++) {
          publisher.publish("many." + i, new byte[8]);
        }
        publisher.flush(java.time.Duration.ofSeconds(30));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      long expected = subscribe ? n : 0;
      while (delivered.get() < expected && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      for (Connection nc : connections) {
        nc.close();
      }
      System.out.printf(
          Locale.ROOT,
          "{\"connections\":%d,\"threads\":\"%s\",\"jvm_threads_before\":%d,"
              + "\"jvm_threads_with_connections\":%d,\"threads_per_connection\":%.2f,"
              + "\"jvm_threads_idle\":%d,\"threads_per_idle_connection\":%.2f,"
              + "\"heap_per_connection_kib\":%.1f,\"connect_s\":%.2f,\"reconnected\":%d,"
              + "\"reconnect_p50_ms\":%d,\"reconnect_p99_ms\":%d,\"reconnect_max_ms\":%d,"
              + "\"delivered_after\":%d,\"java\":%d}%n",
          n,
          mode,
          threadsBefore,
          threadsWith,
          (threadsWith - threadsBefore) / (double) n,
          threadsIdle,
          (threadsIdle - threadsBefore) / (double) n,
          (heapWith - heapBefore) / 1024.0 / n,
          connectSeconds,
          done,
          percentile(sorted, 50),
          percentile(sorted, 99),
          done == 0 ? -1 : sorted[done - 1],
          delivered.get(),
          Runtime.version().feature());
      if (handlers != null) {
        handlers.shutdown();
      }
      if (!reconnected || delivered.get() < expected) {
        System.exit(1);
      }
    }
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return -1;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100); // lets the collector finish; measurement tool, not a test
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}

package io.nats4j.bench;

import io.nats4j.bench.BenchOptions.Storage;
import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.ReconnectOptions;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.StorageType;
import io.nats4j.kv.KeyValue;
import io.nats4j.kv.KeyValueConfig;
import io.nats4j.kv.KeyValueEntry;
import io.nats4j.kv.KeyValueManager;
import java.time.Duration;

/**
 * The Key/Value scenarios for both clients, each through its own Key/Value API: {@code kv-put}
 * (sequential puts of distinct keys, each waiting for its revision) and {@code kv-get} (sequential
 * gets of existing keys: Direct Get in both clients) and {@code kv-watch} (the time a watcher of
 * the whole bucket takes to receive the initial values of every key, up to its end-of-initial-data
 * signal). Every run creates its own bucket and deletes it afterwards; the results are checked
 * (revisions, stored count, values).
 */
final class KvBench {
  private KvBench() {}

  static boolean handles(String scenario) {
    return scenario.equals("kv-put") || scenario.equals("kv-get") || scenario.equals("kv-watch");
  }

  static RunResult run(
      String client,
      String scenario,
      String url,
      String subject,
      int msgs,
      byte[] payload,
      Storage storage)
      throws Exception {
    String bucket = Scenarios.streamName(subject);
    return client.equals("jnats")
        ? jnats(scenario, url, bucket, msgs, payload, storage)
        : nats4j(scenario, url, bucket, msgs, payload, storage);
  }

  private static String key(int i) {
    return "k" + i;
  }

  private static RunResult nats4j(
      String scenario, String url, String bucket, int msgs, byte[] payload, Storage storage)
      throws Exception {
    try (Connection c =
            Nats.connect(
                Options.builder()
                    .server(url)
                    .name("nats4j-bench")
                    .reconnect(ReconnectOptions.disabled())
                    .build());
        JetStream js = JetStream.of(c)) {
      KeyValueManager kvm = KeyValueManager.of(js);
      KeyValue kv =
          kvm.create(
              KeyValueConfig.builder(bucket)
                  .storage(storage == Storage.MEMORY ? StorageType.MEMORY : StorageType.FILE)
                  .build());
      try {
        if (scenario.equals("kv-put")) {
          RunResult r =
              Scenarios.timeEach(
                  msgs, i -> Scenarios.checkSequence("nats4j", kv.put(key(i), payload), i + 1));
          Scenarios.checkStored("nats4j", kv.status().values(), msgs);
          return r;
        }
        for (int i = 0; i < msgs; i++) {
          js.publishAsync("$KV." + bucket + "." + key(i), payload);
        }
        js.waitForOutstandingAcks(Duration.ofSeconds(60));
        if (scenario.equals("kv-watch")) {
          int[] seen = {0}; // the listener runs on one thread; the latch publishes the count
          java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
          Meter meter = Meter.start();
          try (io.nats4j.kv.KeyValueWatch w =
              kv.watch(
                  java.util.List.of(),
                  io.nats4j.kv.KeyValueWatchOptions.defaults(),
                  new io.nats4j.kv.KeyValueWatchListener() {
                    @Override
                    public void onEntry(KeyValueEntry e) {
                      seen[0]++;
                    }

                    @Override
                    public void endOfInitialData() {
                      end.countDown();
                    }
                  })) {
            awaitEnd(end, msgs);
            RunResult result = meter.throughput();
            checkWatched("nats4j", seen[0], msgs);
            return result;
          }
        }
        return Scenarios.timeEach(
            msgs,
            i -> {
              KeyValueEntry e = kv.get(key(i)).orElseThrow();
              checkEntry("nats4j", e.revision(), e.value().length, i, payload);
            });
      } finally {
        kvm.delete(bucket);
      }
    }
  }

  private static RunResult jnats(
      String scenario, String url, String bucket, int msgs, byte[] payload, Storage storage)
      throws Exception {
    try (io.nats.client.Connection c =
        io.nats.client.Nats.connect(
            new io.nats.client.Options.Builder()
                .server(url)
                .connectionName("nats4j-bench")
                .maxReconnects(0)
                .build())) {
      io.nats.client.KeyValueManagement kvm = c.keyValueManagement();
      kvm.create(
          io.nats.client.api.KeyValueConfiguration.builder()
              .name(bucket)
              .storageType(
                  storage == Storage.MEMORY
                      ? io.nats.client.api.StorageType.Memory
                      : io.nats.client.api.StorageType.File)
              .build());
      try {
        io.nats.client.KeyValue kv = c.keyValue(bucket);
        if (scenario.equals("kv-put")) {
          RunResult r =
              Scenarios.timeEach(
                  msgs, i -> Scenarios.checkSequence("jnats", kv.put(key(i), payload), i + 1));
          Scenarios.checkStored("jnats", kv.getStatus().getEntryCount(), msgs);
          return r;
        }
        io.nats.client.JetStream js = c.jetStream();
        java.util.List<java.util.concurrent.CompletableFuture<?>> acks =
            new java.util.ArrayList<>(msgs);
        for (int i = 0; i < msgs; i++) {
          acks.add(js.publishAsync("$KV." + bucket + "." + key(i), payload));
          if (acks.size() == Scenarios.ASYNC_ACK_WINDOW) {
            for (var f : acks) {
              f.get();
            }
            acks.clear();
          }
        }
        for (var f : acks) {
          f.get();
        }
        if (scenario.equals("kv-watch")) {
          int[] seen = {0};
          java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
          Meter meter = Meter.start();
          io.nats.client.impl.NatsKeyValueWatchSubscription sub =
              kv.watchAll(
                  new io.nats.client.api.KeyValueWatcher() {
                    @Override
                    public void watch(io.nats.client.api.KeyValueEntry e) {
                      seen[0]++;
                    }

                    @Override
                    public void endOfData() {
                      end.countDown();
                    }
                  });
          try {
            awaitEnd(end, msgs);
            RunResult result = meter.throughput();
            checkWatched("jnats", seen[0], msgs);
            return result;
          } finally {
            sub.unsubscribe();
          }
        }
        return Scenarios.timeEach(
            msgs,
            i -> {
              io.nats.client.api.KeyValueEntry e = kv.get(key(i));
              checkEntry("jnats", e.getRevision(), e.getValue().length, i, payload);
            });
      } finally {
        kvm.delete(bucket);
      }
    }
  }

  private static void awaitEnd(java.util.concurrent.CountDownLatch end, int msgs)
      throws InterruptedException {
    if (!end.await(
        Scenarios.receiveTimeout(msgs).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          "no end of initial data within " + Scenarios.receiveTimeout(msgs));
    }
  }

  private static void checkWatched(String client, int seen, int msgs) {
    if (seen != msgs) {
      throw new IllegalStateException(
          client + " watcher saw " + seen + " initial values, expected " + msgs);
    }
  }

  private static void checkEntry(String client, long revision, int length, int i, byte[] payload) {
    if (revision != i + 1 || length != payload.length) {
      throw new IllegalStateException(
          client
              + " get of "
              + key(i)
              + " returned revision "
              + revision
              + ", "
              + length
              + " bytes");
    }
  }
}

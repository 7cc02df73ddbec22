package io.nats4j.bench;

import io.nats4j.bench.BenchOptions.Storage;
import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.StorageType;
import io.nats4j.objectstore.ObjectInfo;
import io.nats4j.objectstore.ObjectMeta;
import io.nats4j.objectstore.ObjectStore;
import io.nats4j.objectstore.ObjectStoreConfig;
import io.nats4j.objectstore.ObjectStoreManager;

/** nats4j's Object Store in the obj-* scenarios. */
final class Nats4jObjects implements ObjectBench.ObjectDriver {
  @Override
  public RunResult put(String url, String bucket, int msgs, byte[] payload, Storage storage)
      throws Exception {
    try (Connection nc = Nats.connect(url);
        JetStream js = JetStream.of(nc)) {
      ObjectStoreManager manager = ObjectStoreManager.of(js);
      ObjectStore store = manager.create(config(bucket, storage));
      try {
        Meter meter = Meter.start();
        for (int i = 0; i < msgs; i++) {
          store.put(ObjectMeta.of(ObjectBench.name(i)), ObjectBench.source(payload));
        }
        RunResult result = meter.throughput();
        for (int i = 0; i < msgs; i++) {
          ObjectInfo info = store.info(ObjectBench.name(i)).orElseThrow();
          ObjectBench.check("nats4j", "stored size", info.size(), payload.length);
        }
        return result;
      } finally {
        manager.delete(bucket);
      }
    }
  }

  @Override
  public RunResult get(String url, String bucket, int msgs, byte[] payload, Storage storage)
      throws Exception {
    try (Connection nc = Nats.connect(url);
        JetStream js = JetStream.of(nc)) {
      ObjectStoreManager manager = ObjectStoreManager.of(js);
      ObjectStore store = manager.create(config(bucket, storage));
      try {
        for (int i = 0; i < msgs; i++) {
          store.put(ObjectMeta.of(ObjectBench.name(i)), ObjectBench.source(payload));
        }
        Meter meter = Meter.start();
        long[] counts = new long[msgs];
        for (int i = 0; i < msgs; i++) {
          ObjectBench.CountingSink sink = new ObjectBench.CountingSink();
          store.get(ObjectBench.name(i), sink);
          counts[i] = sink.count;
        }
        RunResult result = meter.throughput();
        for (long c : counts) {
          ObjectBench.check("nats4j", "bytes got", c, payload.length);
        }
        return result;
      } finally {
        manager.delete(bucket);
      }
    }
  }

  private static ObjectStoreConfig config(String bucket, Storage storage) {
    return ObjectStoreConfig.builder(bucket)
        .storage(storage == Storage.MEMORY ? StorageType.MEMORY : StorageType.FILE)
        .build();
  }
}

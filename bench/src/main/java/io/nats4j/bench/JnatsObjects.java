package io.nats4j.bench;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.ObjectStore;
import io.nats.client.ObjectStoreManagement;
import io.nats.client.Options;
import io.nats.client.api.ObjectInfo;
import io.nats.client.api.ObjectMeta;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.StorageType;
import io.nats4j.bench.BenchOptions.Storage;

/** jnats' Object Store in the obj-* scenarios. */
final class JnatsObjects implements ObjectBench.ObjectDriver {
  private static Connection connect(String url) throws Exception {
    return Nats.connect(
        new Options.Builder().server(url).connectionName("nats4j-bench").maxReconnects(0).build());
  }

  @Override
  public RunResult put(String url, String bucket, int msgs, byte[] payload, Storage storage)
      throws Exception {
    try (Connection nc = connect(url)) {
      ObjectStoreManagement manager = nc.objectStoreManagement();
      manager.create(config(bucket, storage));
      ObjectStore store = nc.objectStore(bucket);
      try {
        Meter meter = Meter.start();
        for (int i = 0; i < msgs; i++) {
          store.put(ObjectMeta.objectName(ObjectBench.name(i)), ObjectBench.source(payload));
        }
        RunResult result = meter.throughput();
        for (int i = 0; i < msgs; i++) {
          ObjectInfo info = store.getInfo(ObjectBench.name(i));
          ObjectBench.check("jnats", "stored size", info.getSize(), payload.length);
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
    try (Connection nc = connect(url)) {
      ObjectStoreManagement manager = nc.objectStoreManagement();
      manager.create(config(bucket, storage));
      ObjectStore store = nc.objectStore(bucket);
      try {
        for (int i = 0; i < msgs; i++) {
          store.put(ObjectMeta.objectName(ObjectBench.name(i)), ObjectBench.source(payload));
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
          ObjectBench.check("jnats", "bytes got", c, payload.length);
        }
        return result;
      } finally {
        manager.delete(bucket);
      }
    }
  }

  private static ObjectStoreConfiguration config(String bucket, Storage storage) {
    return ObjectStoreConfiguration.builder(bucket)
        .storageType(storage == Storage.MEMORY ? StorageType.Memory : StorageType.File)
        .build();
  }
}

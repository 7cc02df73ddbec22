package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.kv.KeyValue;
import io.nats4j.kv.KeyValueConfig;
import io.nats4j.kv.KeyValueEntry;
import io.nats4j.kv.KeyValueManager;
import io.nats4j.kv.KeyValueWatch;
import io.nats4j.kv.KeyValueWatchListener;
import io.nats4j.kv.KeyValueWatchOptions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A watcher on a bucket: the current value of each matching key, the end of that initial data
 * (signalled once), then every change as it happens.
 *
 * <p>Run: {@code KeyValueWatching <server-url>} (the server needs JetStream).
 */
public final class KeyValueWatching {

  private KeyValueWatching() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) throws InterruptedException {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url);
        JetStream js = JetStream.of(nc)) {
      KeyValueManager kvm = KeyValueManager.of(js);
      KeyValue kv = kvm.create(KeyValueConfig.builder("sample_config").build());
      try {
        kv.put("app.color", "blue");
        kv.put("app.size", "large");
        CountDownLatch entries = new CountDownLatch(4); // 2 current values, then 2 changes
        CountDownLatch initial = new CountDownLatch(1);
        KeyValueWatchListener listener =
            new KeyValueWatchListener() {
              @Override
              public void onEntry(KeyValueEntry e) {
                System.out.println(
                    "watch: " + e.key() + " " + e.operation() + " " + e.valueAsString());
                entries.countDown();
              }

              @Override
              public void endOfInitialData() {
                System.out.println("watch: end of initial data");
                initial.countDown();
              }
            };
        try (KeyValueWatch w =
            kv.watch(List.of("app.>"), KeyValueWatchOptions.defaults(), listener)) {
          // Change the keys once the current values are in: the server picks "last per subject"
          // as it delivers, so a change racing the start would replace the value it supersedes.
          initial.await(10, TimeUnit.SECONDS);
          kv.put("app.color", "green");
          kv.delete("app.size");
          if (!entries.await(10, TimeUnit.SECONDS)) {
            System.out.println("watch: missed entries");
          }
        }
      } finally {
        kvm.delete("sample_config");
      }
    }
  }
}

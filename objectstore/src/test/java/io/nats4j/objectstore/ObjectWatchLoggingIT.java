package io.nats4j.objectstore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.jetstream.StorageType;
import io.nats4j.testkit.LogCapture;
import io.nats4j.testkit.NatsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The Object Store logs through SLF4J like the rest of nats4j: a watcher without its own {@code
 * onError} gets an unreadable meta message logged at WARN, and the watch goes on.
 */
class ObjectWatchLoggingIT extends ObjectStoreTestBase {

  ObjectWatchLoggingIT(NatsServer server) {
    super(server, "WL");
  }

  @Test
  void anUnreadableMetaMessageIsLoggedAtWarnThroughSlf4j() {
    ObjectStore store =
        manager.create(ObjectStoreConfig.builder(bucket).storage(StorageType.MEMORY).build());
    js.publish("$O." + bucket + ".M.bm90LWpzb24=", "not json".getBytes(StandardCharsets.UTF_8));
    List<String> names = new CopyOnWriteArrayList<>();
    try (LogCapture logs = LogCapture.start();
        ObjectWatch w = store.watch(info -> names.add(info.name()))) {
      String line =
          logs.await(
              l -> l.contains(" WARN io.nats4j.objectstore.ObjectWatcher ") && l.contains("meta"),
              Duration.ofSeconds(15));
      assertTrue(line.contains("skipped a meta message"), line);
      store.put("after", new byte[] {1});
      io.nats4j.testkit.Await.until(() -> names.contains("after"), "the watch went on");
    }
  }
}

package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.objectstore.ObjectInfo;
import io.nats4j.objectstore.ObjectMeta;
import io.nats4j.objectstore.ObjectStore;
import io.nats4j.objectstore.ObjectStoreConfig;
import io.nats4j.objectstore.ObjectStoreManager;
import io.nats4j.objectstore.ObjectWatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Object Store: put a 3 MiB file, list the bucket, watch it, get the file back and compare digests.
 *
 * <p>Run: {@code ObjectStoreFiles <server-url>} (the server needs JetStream).
 */
public final class ObjectStoreFiles {
  private ObjectStoreFiles() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    byte[] content = new byte[3 << 20];
    new Random(1).nextBytes(content);
    Path file = Files.write(Files.createTempFile("photo", ".raw"), content);
    Path copy = Files.createTempFile("copy", ".raw");
    try (Connection nc = Nats.connect(url);
        JetStream js = JetStream.of(nc)) {
      ObjectStoreManager manager = ObjectStoreManager.of(js);
      ObjectStore store = manager.create(ObjectStoreConfig.builder("SAMPLE_FILES").build());
      try {
        ObjectInfo put =
            store.put(
                ObjectMeta.of("photos/photo 1.raw"),
                file,
                (bytes, total) -> {
                  if (bytes % (1 << 20) == 0) {
                    System.out.printf("put %d of %d bytes%n", bytes, total);
                  }
                });
        System.out.printf("stored %s: %d chunks, %s%n", put.name(), put.chunks(), put.digest());
        store
            .list()
            .forEach(o -> System.out.println("listed " + o.name() + ", " + o.size() + " B"));

        CountDownLatch seen = new CountDownLatch(2);
        try (ObjectWatch watch =
            store.watch(
                info -> {
                  System.out.println("watch: " + info.name() + " stored at " + info.modified());
                  seen.countDown();
                })) {
          store.put("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
          System.out.println("watch saw both objects: " + seen.await(10, TimeUnit.SECONDS));
        }

        ObjectInfo got = store.get("photos/photo 1.raw", copy);
        boolean same = got.digest().equals(put.digest()) && Files.mismatch(file, copy) == -1;
        System.out.println("got it back, digest " + got.digest() + ", identical: " + same);
        if (!same) {
          throw new IllegalStateException("the copy differs from the original");
        }
      } finally {
        manager.delete("SAMPLE_FILES");
        Files.deleteIfExists(file);
        Files.deleteIfExists(copy);
      }
    }
  }
}

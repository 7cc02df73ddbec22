package io.nats4j.bench;

import io.nats4j.bench.BenchOptions.Storage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;

/**
 * The Object Store scenarios {@code obj-put} and {@code obj-get}, both clients through their own
 * Object Store API. {@code msgs} is the number of objects, {@code size} the bytes of each.
 *
 * <ul>
 *   <li>{@code obj-put}: a fresh bucket, then {@code msgs} objects put one after another from an
 *       {@code InputStream} over the payload; the time covers the puts. Each object's stored size
 *       and digest are then checked (untimed).
 *   <li>{@code obj-get}: a fresh bucket holding {@code msgs} objects (put untimed), then each got
 *       into an {@code OutputStream} that counts and discards; the time covers the gets. Each
 *       client checks the digest itself; the byte count is checked here.
 * </ul>
 *
 * <p>Thread-safety: used by the main thread only.
 */
final class ObjectBench {
  private ObjectBench() {}

  /** One client's Object Store calls. */
  interface ObjectDriver {
    RunResult put(String url, String bucket, int msgs, byte[] payload, Storage storage)
        throws Exception;

    RunResult get(String url, String bucket, int msgs, byte[] payload, Storage storage)
        throws Exception;
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
    ObjectDriver driver =
        switch (client) {
          case "nats4j" -> new Nats4jObjects();
          case "jnats" -> new JnatsObjects();
          default -> throw new IllegalArgumentException("unknown client " + client);
        };
    String bucket = Scenarios.streamName(subject);
    return scenario.equals("obj-put")
        ? driver.put(url, bucket, msgs, payload, storage)
        : driver.get(url, bucket, msgs, payload, storage);
  }

  static ByteArrayInputStream source(byte[] payload) {
    return new ByteArrayInputStream(payload);
  }

  static String name(int i) {
    return "bench/object-" + i;
  }

  /** Counts what it is given and keeps nothing. */
  static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  static void check(String client, String what, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException(
          client + " " + what + " was " + actual + ", expected " + expected);
    }
  }
}

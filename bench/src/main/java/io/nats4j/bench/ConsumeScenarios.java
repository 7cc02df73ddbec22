package io.nats4j.bench;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.ReconnectOptions;
import io.nats4j.jetstream.AckPolicy;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code js-fetch} and {@code js-consume}: both clients read the same pre-filled stream, each run
 * through a fresh durable consumer (ack explicit, deliver all) made before the clock starts and
 * deleted after it stops. The stream ({@code BENCH_CONSUME_<size>_<storage>}) is filled once, by
 * nats4j, untimed; a later run that needs more messages tops it up.
 *
 * <ul>
 *   <li>{@code js-fetch}: fetches batches of {@link #FETCH_BATCH} until {@code msgs} messages came,
 *       acking each.
 *   <li>{@code js-consume}: consumes with default options; the handler acks each message; the time
 *       ends when the handler saw {@code msgs} messages.
 * </ul>
 *
 * <p>Thread-safety: used by the bench's main thread only.
 */
final class ConsumeScenarios {
  static final int FETCH_BATCH = 500;

  private ConsumeScenarios() {}

  static RunResult run(
      ClientDriver driver,
      String scenario,
      String url,
      int msgs,
      byte[] payload,
      BenchOptions.Storage storage)
      throws Exception {
    String stream = prefill(url, msgs, payload, storage);
    String consumer = "bench_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() >>> 1);
    try (Connection admin = connect(url);
        JetStream js = JetStream.of(admin)) {
      js.consumers()
          .create(
              stream,
              ConsumerConfig.builder().durableName(consumer).ackPolicy(AckPolicy.EXPLICIT).build());
      try {
        boolean jnats = driver.name().equals("jnats");
        return switch (scenario) {
          case "js-fetch" ->
              jnats
                  ? JnatsConsume.fetch(url, stream, consumer, msgs)
                  : Nats4jConsume.fetch(url, stream, consumer, msgs);
          case "js-consume" ->
              jnats
                  ? JnatsConsume.consume(url, stream, consumer, msgs)
                  : Nats4jConsume.consume(url, stream, consumer, msgs);
          default -> throw new IllegalArgumentException(scenario);
        };
      } finally {
        js.consumers().delete(stream, consumer);
      }
    }
  }

  static Connection connect(String url) {
    return Nats.connect(
        Options.builder()
            .server(url)
            .name("nats4j-bench")
            .reconnect(ReconnectOptions.disabled())
            .build());
  }

  /** Makes sure the stream holds at least {@code msgs} messages; returns its name. */
  private static String prefill(
      String url, int msgs, byte[] payload, BenchOptions.Storage storage) {
    String stream = "BENCH_CONSUME_" + payload.length + "_" + storage.label().toUpperCase();
    String subject = "bench.consume." + payload.length + "." + storage.label();
    try (Connection c = connect(url);
        JetStream js = JetStream.of(c)) {
      long have;
      try {
        have = js.streams().info(stream).state().messages();
      } catch (JetStreamApiException e) {
        js.streams()
            .create(
                StreamConfig.builder(stream)
                    .subjects(subject)
                    .storage(
                        storage == BenchOptions.Storage.MEMORY
                            ? StorageType.MEMORY
                            : StorageType.FILE)
                    .build());
        have = 0;
      }
      if (have < msgs) {
        System.err.println("bench: filling " + stream + " to " + msgs + " messages");
        for (long i = have; i < msgs; i++) {
          js.publishAsync(subject, payload);
        }
        js.waitForOutstandingAcks(Scenarios.receiveTimeout(msgs));
      }
    }
    return stream;
  }
}

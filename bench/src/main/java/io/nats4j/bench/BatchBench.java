package io.nats4j.bench;

import io.nats4j.bench.BenchOptions.Storage;
import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.ReconnectOptions;
import io.nats4j.jetstream.AtomicBatch;
import io.nats4j.jetstream.FastPublishOptions;
import io.nats4j.jetstream.FastPublisher;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;

/**
 * The ADR-50 batch scenarios, nats4j only (jnats has no batch publishing in its core): {@code
 * js-batch} publishes {@code msgs} messages as atomic batches of {@code --batch} messages, each
 * committed before the next starts (as {@code nats bench js pub atomic}); {@code js-ingest}
 * publishes them as one fast-ingest batch with a flow of {@code --batch} (as {@code nats bench js
 * pub fast}). The stream is created like natscli's ({@code allow_atomic}, {@code allow_batched}),
 * the time runs from the first publish to the last ack, and the stream must then hold exactly
 * {@code msgs} messages. {@link Bench} runs {@code js-pub-async} of the same count beside each
 * measured run, for comparison.
 */
final class BatchBench {
  private BatchBench() {}

  static boolean handles(String scenario) {
    return scenario.equals("js-batch") || scenario.equals("js-ingest");
  }

  static RunResult run(
      String scenario,
      String url,
      String subject,
      int msgs,
      byte[] payload,
      Storage storage,
      int batchSize)
      throws Exception {
    try (Connection c =
            Nats.connect(
                Options.builder()
                    .server(url)
                    .name("nats4j-bench")
                    .reconnect(ReconnectOptions.disabled())
                    .build());
        JetStream js = JetStream.of(c)) {
      String stream = Scenarios.streamName(subject);
      js.streams()
          .create(
              StreamConfig.builder(stream)
                  .subjects(subject)
                  .storage(storage == Storage.MEMORY ? StorageType.MEMORY : StorageType.FILE)
                  .allowDirect(true)
                  .allowAtomic(true)
                  .allowBatched(true)
                  .build());
      try {
        Meter meter = Meter.start();
        PubAck last =
            scenario.equals("js-batch")
                ? atomic(js, subject, msgs, payload, batchSize)
                : fast(js, subject, msgs, payload, batchSize);
        RunResult result = meter.throughput();
        Scenarios.checkSequence("nats4j", last.seq(), msgs);
        Scenarios.checkStored("nats4j", js.streams().info(stream).state().messages(), msgs);
        return result;
      } finally {
        js.streams().delete(stream);
      }
    }
  }

  private static PubAck atomic(
      JetStream js, String subject, int msgs, byte[] payload, int batchSize) {
    PubAck ack = null;
    for (int sent = 0; sent < msgs; ) {
      int n = Math.min(batchSize, msgs - sent);
      AtomicBatch batch = js.atomicBatch();
      for (int j = 1; j < n; j++) {
        batch.add(subject, payload);
      }
      ack = batch.commit(subject, payload);
      if (ack.count() != n) {
        throw new IllegalStateException("atomic batch stored " + ack.count() + " of " + n);
      }
      sent += n;
    }
    return ack;
  }

  private static PubAck fast(
      JetStream js, String subject, int msgs, byte[] payload, int batchSize) {
    FastPublishOptions options =
        FastPublishOptions.builder()
            .flow(Math.min(batchSize, 65535))
            .maxOutstandingAcks(Integer.getInteger("bench.ingest.outstanding", 2))
            .build();
    try (FastPublisher batch = js.fastPublisher(options)) {
      for (int i = 1; i < msgs; i++) {
        batch.add(subject, payload);
      }
      return batch.commit(subject, null, payload);
    }
  }
}

package io.nats4j.bench;

import io.nats4j.bench.BenchOptions.Storage;
import java.time.Duration;

/** Shared limits of the scenarios and the dispatch from scenario name to driver method. */
final class Scenarios {
  static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Outstanding acks allowed in {@code js-pub-async}, for both clients: nats4j's default window.
   * jnats has no window of its own (only a blocking outgoing queue of 5000 messages), so its driver
   * waits on the oldest future when this many are outstanding.
   */
  static final int ASYNC_ACK_WINDOW = 4000;

  /** How long one async publish ack may take before the run fails. */
  static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

  private Scenarios() {}

  /** The i-th round trip of a latency scenario: a request, or a publish that waits for its ack. */
  @FunctionalInterface
  interface RoundTrip {
    void run(int i) throws Exception;
  }

  /**
   * Makes {@code msgs} round trips one after another and records each one's latency. Only the
   * latency scenarios share this loop: a round trip takes microseconds, so the call through the
   * interface does not show; the throughput loops (nanoseconds a message) stay inline in each
   * driver, where nothing but the client is measured.
   */
  static RunResult timeEach(int msgs, RoundTrip roundTrip) throws Exception {
    long[] latencies = new long[msgs];
    Meter meter = Meter.start();
    for (int i = 0; i < msgs; i++) {
      long t0 = System.nanoTime();
      roundTrip.run(i);
      latencies[i] = System.nanoTime() - t0;
    }
    return meter.latency(latencies);
  }

  /** Generous: a correct client is done in seconds, a lossy one must not hang the tool. */
  static Duration receiveTimeout(int msgs) {
    return Duration.ofSeconds(60 + msgs / 50_000);
  }

  static RunResult run(
      ClientDriver driver,
      String scenario,
      String url,
      String subject,
      int msgs,
      byte[] payload,
      Storage storage)
      throws Exception {
    return run(driver, scenario, url, subject, msgs, payload, storage, 1);
  }

  static RunResult run(
      ClientDriver driver,
      String scenario,
      String url,
      String subject,
      int msgs,
      byte[] payload,
      Storage storage,
      int requesters)
      throws Exception {
    if (scenario.equals("svc")) {
      return ServiceBench.run(driver.name(), url, subject, msgs, payload, requesters);
    }
    if (KvBench.handles(scenario)) {
      return KvBench.run(driver.name(), scenario, url, subject, msgs, payload, storage);
    }
    return switch (scenario) {
      case "pub" -> driver.pub(url, subject, msgs, payload);
      case "pubsub" -> driver.pubsub(url, subject, msgs, payload);
      case "reqrep" -> driver.reqrep(url, subject, msgs, payload);
      case "js-pub" -> driver.jsPub(url, subject, msgs, payload, storage);
      case "js-pub-async" -> driver.jsPubAsync(url, subject, msgs, payload, storage);
      case "js-fetch", "js-consume", "js-ordered" ->
          ConsumeScenarios.run(driver, scenario, url, msgs, payload, storage);
      case "obj-put", "obj-get" ->
          ObjectBench.run(driver.name(), scenario, url, subject, msgs, payload, storage);
      default -> throw new IllegalArgumentException("scenario not implemented: " + scenario);
    };
  }

  /**
   * Enough iterations for the JIT to compile the hot paths, small enough to be quick. Round trips
   * need 20,000 per run: with 3,000, both clients were still compiling in their first measured runs
   * (over a second of JIT time in one 20,000-get run of jnats), and objects eight per run (with one
   * or three, the first measured obj-get runs of both spent 220-330 ms compiling).
   */
  static int warmUpMessages(String scenario, int msgs) {
    return switch (scenario) {
      case "reqrep", "js-pub", "kv-put", "kv-get" -> Math.min(msgs, 20_000);
      case "svc" -> Math.min(msgs, 10_000);
      case "kv-watch" -> Math.min(msgs, 20_000);
      case "js-pub-async", "js-fetch", "js-consume", "js-ordered" -> Math.min(msgs, 50_000);
      case "js-batch", "js-ingest" -> Math.min(msgs, 50_000);
      case "obj-put", "obj-get" -> Math.min(msgs, 8);
      default -> Math.min(msgs, 500_000);
    };
  }

  /** The stream a JetStream run creates for its subject (unique per run, as the subject is). */
  static String streamName(String subject) {
    return subject.replace('.', '_');
  }

  /** Fails the run unless the stream holds exactly the messages published. */
  static void checkStored(String client, long stored, int msgs) {
    if (stored != msgs) {
      throw new IllegalStateException(
          client + " run stored " + stored + " messages in its stream, expected " + msgs);
    }
  }

  /** Fails the run unless an ack carries the stream sequence the run expects. */
  static void checkSequence(String client, long seq, long expected) {
    if (seq != expected) {
      throw new IllegalStateException(
          client + " publish ack has stream sequence " + seq + ", expected " + expected);
    }
  }
}

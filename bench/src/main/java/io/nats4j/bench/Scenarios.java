package io.nats4j.bench;

import java.time.Duration;

/** Shared limits of the scenarios and the dispatch from scenario name to driver method. */
final class Scenarios {
  static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private Scenarios() {}

  /** Generous: a correct client is done in seconds, a lossy one must not hang the tool. */
  static Duration receiveTimeout(int msgs) {
    return Duration.ofSeconds(60 + msgs / 50_000);
  }

  static RunResult run(
      ClientDriver driver, String scenario, String url, String subject, int msgs, byte[] payload)
      throws Exception {
    return switch (scenario) {
      case "pub" -> driver.pub(url, subject, msgs, payload);
      case "pubsub" -> driver.pubsub(url, subject, msgs, payload);
      case "reqrep" -> driver.reqrep(url, subject, msgs, payload);
      default -> throw new IllegalArgumentException("scenario not implemented: " + scenario);
    };
  }

  /** Enough iterations for the JIT to compile the hot paths, small enough to be quick. */
  static int warmUpMessages(String scenario, int msgs) {
    return scenario.equals("reqrep") ? Math.min(msgs, 3_000) : Math.min(msgs, 500_000);
  }
}

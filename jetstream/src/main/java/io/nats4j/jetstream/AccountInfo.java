package io.nats4j.jetstream;

import java.util.Map;

/**
 * JetStream usage and limits of the connected account.
 *
 * <p>Thread-safety: immutable.
 *
 * @param memory memory storage used in bytes
 * @param storage file storage used in bytes
 * @param reservedMemory memory reserved by streams with max bytes
 * @param reservedStorage file storage reserved by streams with max bytes
 * @param streams the stream count
 * @param consumers the consumer count
 * @param limits the account limits
 * @param domain the JetStream domain, null if none
 * @param api API statistics and the server's API level
 * @param tiers usage per tier, empty without tiered limits
 */
public record AccountInfo(
    long memory,
    long storage,
    long reservedMemory,
    long reservedStorage,
    long streams,
    long consumers,
    AccountLimits limits,
    String domain,
    ApiStats api,
    Map<String, AccountTier> tiers) {
  /** Copies the map. */
  public AccountInfo {
    tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
  }
}

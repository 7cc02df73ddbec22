package io.nats4j.jetstream;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * JetStream usage and limits of the connected account.
 *
 * <p>Thread-safety: immutable.
 */
public final class AccountInfo {
  private final long memory;
  private final long storage;
  private final long reservedMemory;
  private final long reservedStorage;
  private final long streams;
  private final long consumers;
  private final AccountLimits limits;
  private final String domain;
  private final ApiStats api;
  private final Map<String, AccountTier> tiers;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private AccountInfo() {
    this(0, 0, 0, 0, 0, 0, null, null, null, null);
  }

  AccountInfo(
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
    tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
    this.memory = memory;
    this.storage = storage;
    this.reservedMemory = reservedMemory;
    this.reservedStorage = reservedStorage;
    this.streams = streams;
    this.consumers = consumers;
    this.limits = limits;
    this.domain = domain;
    this.api = api;
    this.tiers = tiers;
  }

  /**
   * Returns memory storage used in bytes.
   *
   * @return memory storage used in bytes
   */
  public long memory() {
    return memory;
  }

  /**
   * Returns file storage used in bytes.
   *
   * @return file storage used in bytes
   */
  public long storage() {
    return storage;
  }

  /**
   * Returns memory reserved by streams with max bytes.
   *
   * @return memory reserved by streams with max bytes
   */
  public long reservedMemory() {
    return reservedMemory;
  }

  /**
   * Returns file storage reserved by streams with max bytes.
   *
   * @return file storage reserved by streams with max bytes
   */
  public long reservedStorage() {
    return reservedStorage;
  }

  /**
   * Returns the stream count.
   *
   * @return the stream count
   */
  public long streams() {
    return streams;
  }

  /**
   * Returns the consumer count.
   *
   * @return the consumer count
   */
  public long consumers() {
    return consumers;
  }

  /**
   * Returns the account limits.
   *
   * @return the account limits
   */
  public AccountLimits limits() {
    return limits;
  }

  /**
   * Returns the JetStream domain, null if none.
   *
   * @return the JetStream domain, null if none
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns API statistics and the server's API level.
   *
   * @return API statistics and the server's API level
   */
  public ApiStats api() {
    return api;
  }

  /**
   * Returns usage per tier, empty without tiered limits.
   *
   * @return usage per tier, empty without tiered limits
   */
  public Map<String, AccountTier> tiers() {
    return tiers == null ? Map.of() : Collections.unmodifiableMap(tiers);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AccountInfo)) {
      return false;
    }
    AccountInfo that = (AccountInfo) o;
    return memory == that.memory
        && storage == that.storage
        && reservedMemory == that.reservedMemory
        && reservedStorage == that.reservedStorage
        && streams == that.streams
        && consumers == that.consumers
        && Objects.equals(limits, that.limits)
        && Objects.equals(domain, that.domain)
        && Objects.equals(api, that.api)
        && Objects.equals(tiers(), that.tiers());
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        memory,
        storage,
        reservedMemory,
        reservedStorage,
        streams,
        consumers,
        limits,
        domain,
        api,
        tiers());
  }

  @Override
  public String toString() {
    return "AccountInfo["
        + "memory="
        + memory
        + ", "
        + "storage="
        + storage
        + ", "
        + "reservedMemory="
        + reservedMemory
        + ", "
        + "reservedStorage="
        + reservedStorage
        + ", "
        + "streams="
        + streams
        + ", "
        + "consumers="
        + consumers
        + ", "
        + "limits="
        + limits
        + ", "
        + "domain="
        + domain
        + ", "
        + "api="
        + api
        + ", "
        + "tiers="
        + tiers()
        + "]";
  }
}

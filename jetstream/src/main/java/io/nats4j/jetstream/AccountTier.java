package io.nats4j.jetstream;

import java.util.Objects;

/**
 * Usage and limits of one tier (e.g. R1, R3) of an account.
 *
 * <p>Thread-safety: immutable.
 */
public final class AccountTier {
  private final long memory;
  private final long storage;
  private final long reservedMemory;
  private final long reservedStorage;
  private final long streams;
  private final long consumers;
  private final AccountLimits limits;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private AccountTier() {
    this(0, 0, 0, 0, 0, 0, null);
  }

  AccountTier(
      long memory,
      long storage,
      long reservedMemory,
      long reservedStorage,
      long streams,
      long consumers,
      AccountLimits limits) {
    this.memory = memory;
    this.storage = storage;
    this.reservedMemory = reservedMemory;
    this.reservedStorage = reservedStorage;
    this.streams = streams;
    this.consumers = consumers;
    this.limits = limits;
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
   * Returns the tier's limits.
   *
   * @return the tier's limits
   */
  public AccountLimits limits() {
    return limits;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AccountTier)) {
      return false;
    }
    AccountTier that = (AccountTier) o;
    return memory == that.memory
        && storage == that.storage
        && reservedMemory == that.reservedMemory
        && reservedStorage == that.reservedStorage
        && streams == that.streams
        && consumers == that.consumers
        && Objects.equals(limits, that.limits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        memory, storage, reservedMemory, reservedStorage, streams, consumers, limits);
  }

  @Override
  public String toString() {
    return "AccountTier["
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
        + "]";
  }
}

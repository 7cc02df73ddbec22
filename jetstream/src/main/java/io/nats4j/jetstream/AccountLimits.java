package io.nats4j.jetstream;

import java.util.Objects;

/**
 * The JetStream limits of an account (or of one tier).
 *
 * <p>Thread-safety: immutable.
 */
public final class AccountLimits {
  private final long maxMemory;
  private final long maxStorage;
  private final long maxStreams;
  private final long maxConsumers;
  private final long maxAckPending;
  private final long memoryMaxStreamBytes;
  private final long storageMaxStreamBytes;
  private final boolean maxBytesRequired;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private AccountLimits() {
    this(0, 0, 0, 0, 0, 0, 0, false);
  }

  AccountLimits(
      long maxMemory,
      long maxStorage,
      long maxStreams,
      long maxConsumers,
      long maxAckPending,
      long memoryMaxStreamBytes,
      long storageMaxStreamBytes,
      boolean maxBytesRequired) {
    this.maxMemory = maxMemory;
    this.maxStorage = maxStorage;
    this.maxStreams = maxStreams;
    this.maxConsumers = maxConsumers;
    this.maxAckPending = maxAckPending;
    this.memoryMaxStreamBytes = memoryMaxStreamBytes;
    this.storageMaxStreamBytes = storageMaxStreamBytes;
    this.maxBytesRequired = maxBytesRequired;
  }

  /**
   * Returns memory storage limit in bytes, -1 for unlimited.
   *
   * @return memory storage limit in bytes, -1 for unlimited
   */
  public long maxMemory() {
    return maxMemory;
  }

  /**
   * Returns file storage limit in bytes, -1 for unlimited.
   *
   * @return file storage limit in bytes, -1 for unlimited
   */
  public long maxStorage() {
    return maxStorage;
  }

  /**
   * Returns the most streams, -1 for unlimited.
   *
   * @return the most streams, -1 for unlimited
   */
  public long maxStreams() {
    return maxStreams;
  }

  /**
   * Returns the most consumers, -1 for unlimited.
   *
   * @return the most consumers, -1 for unlimited
   */
  public long maxConsumers() {
    return maxConsumers;
  }

  /**
   * Returns the largest max ack pending, -1 for unlimited.
   *
   * @return the largest max ack pending, -1 for unlimited
   */
  public long maxAckPending() {
    return maxAckPending;
  }

  /**
   * Returns the largest memory stream, -1 for unlimited.
   *
   * @return the largest memory stream, -1 for unlimited
   */
  public long memoryMaxStreamBytes() {
    return memoryMaxStreamBytes;
  }

  /**
   * Returns the largest file stream, -1 for unlimited.
   *
   * @return the largest file stream, -1 for unlimited
   */
  public long storageMaxStreamBytes() {
    return storageMaxStreamBytes;
  }

  /**
   * Returns true if streams must set max bytes.
   *
   * @return true if streams must set max bytes
   */
  public boolean maxBytesRequired() {
    return maxBytesRequired;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AccountLimits)) {
      return false;
    }
    AccountLimits that = (AccountLimits) o;
    return maxMemory == that.maxMemory
        && maxStorage == that.maxStorage
        && maxStreams == that.maxStreams
        && maxConsumers == that.maxConsumers
        && maxAckPending == that.maxAckPending
        && memoryMaxStreamBytes == that.memoryMaxStreamBytes
        && storageMaxStreamBytes == that.storageMaxStreamBytes
        && maxBytesRequired == that.maxBytesRequired;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        maxMemory,
        maxStorage,
        maxStreams,
        maxConsumers,
        maxAckPending,
        memoryMaxStreamBytes,
        storageMaxStreamBytes,
        maxBytesRequired);
  }

  @Override
  public String toString() {
    return "AccountLimits["
        + "maxMemory="
        + maxMemory
        + ", "
        + "maxStorage="
        + maxStorage
        + ", "
        + "maxStreams="
        + maxStreams
        + ", "
        + "maxConsumers="
        + maxConsumers
        + ", "
        + "maxAckPending="
        + maxAckPending
        + ", "
        + "memoryMaxStreamBytes="
        + memoryMaxStreamBytes
        + ", "
        + "storageMaxStreamBytes="
        + storageMaxStreamBytes
        + ", "
        + "maxBytesRequired="
        + maxBytesRequired
        + "]";
  }
}

package io.nats4j.jetstream;

import java.time.Duration;
import java.util.Objects;

/**
 * One replica of a clustered stream or consumer.
 *
 * <p>Thread-safety: immutable.
 */
public final class PeerInfo {
  private final String name;
  private final boolean current;
  private final boolean offline;
  private final Duration active;
  private final long lag;
  private final String peer;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private PeerInfo() {
    this(null, false, false, null, 0, null);
  }

  PeerInfo(String name, boolean current, boolean offline, Duration active, long lag, String peer) {
    this.name = name;
    this.current = current;
    this.offline = offline;
    this.active = active;
    this.lag = lag;
    this.peer = peer;
  }

  /**
   * Returns the server name.
   *
   * @return the server name
   */
  public String name() {
    return name;
  }

  /**
   * Returns true if the replica is up to date.
   *
   * @return true if the replica is up to date
   */
  public boolean current() {
    return current;
  }

  /**
   * Returns true if the replica is offline.
   *
   * @return true if the replica is offline
   */
  public boolean offline() {
    return offline;
  }

  /**
   * Returns how long ago the replica was last heard from.
   *
   * @return how long ago the replica was last heard from
   */
  public Duration active() {
    return active;
  }

  /**
   * Returns how many operations the replica is behind.
   *
   * @return how many operations the replica is behind
   */
  public long lag() {
    return lag;
  }

  /**
   * Returns the peer id.
   *
   * @return the peer id
   */
  public String peer() {
    return peer;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PeerInfo)) {
      return false;
    }
    PeerInfo that = (PeerInfo) o;
    return Objects.equals(name, that.name)
        && current == that.current
        && offline == that.offline
        && Objects.equals(active, that.active)
        && lag == that.lag
        && Objects.equals(peer, that.peer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, current, offline, active, lag, peer);
  }

  @Override
  public String toString() {
    return "PeerInfo["
        + "name="
        + name
        + ", "
        + "current="
        + current
        + ", "
        + "offline="
        + offline
        + ", "
        + "active="
        + active
        + ", "
        + "lag="
        + lag
        + ", "
        + "peer="
        + peer
        + "]";
  }
}

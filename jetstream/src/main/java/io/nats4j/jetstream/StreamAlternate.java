package io.nats4j.jetstream;

import java.util.Objects;

/**
 * Another copy of a stream (a mirror) that can serve reads.
 *
 * <p>Thread-safety: immutable.
 */
public final class StreamAlternate {
  private final String name;
  private final String domain;
  private final String cluster;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private StreamAlternate() {
    this(null, null, null);
  }

  /**
   * Creates the value.
   *
   * @param name the stream name
   * @param domain the JetStream domain
   * @param cluster the cluster
   */
  StreamAlternate(String name, String domain, String cluster) {
    this.name = name;
    this.domain = domain;
    this.cluster = cluster;
  }

  /**
   * Returns the stream name.
   *
   * @return the stream name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the JetStream domain.
   *
   * @return the JetStream domain
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns the cluster.
   *
   * @return the cluster
   */
  public String cluster() {
    return cluster;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StreamAlternate)) {
      return false;
    }
    StreamAlternate that = (StreamAlternate) o;
    return Objects.equals(name, that.name)
        && Objects.equals(domain, that.domain)
        && Objects.equals(cluster, that.cluster);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, domain, cluster);
  }

  @Override
  public String toString() {
    return "StreamAlternate["
        + "name="
        + name
        + ", "
        + "domain="
        + domain
        + ", "
        + "cluster="
        + cluster
        + "]";
  }
}

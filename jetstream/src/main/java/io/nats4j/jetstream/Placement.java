package io.nats4j.jetstream;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where in a super-cluster a stream is placed.
 *
 * <p>Thread-safety: immutable.
 */
public final class Placement {
  private final String cluster;
  private final List<String> tags;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private Placement() {
    this(null, null);
  }

  /**
   * Creates the value.
   *
   * @param cluster the cluster name, null for any
   * @param tags server tags the peers must have
   */
  public Placement(String cluster, List<String> tags) {
    tags = tags == null ? null : List.copyOf(tags);
    this.cluster = cluster;
    this.tags = tags;
  }

  /**
   * Returns the cluster name, null for any.
   *
   * @return the cluster name, null for any
   */
  public String cluster() {
    return cluster;
  }

  /**
   * Returns server tags the peers must have.
   *
   * @return server tags the peers must have
   */
  public List<String> tags() {
    return tags == null ? null : Collections.unmodifiableList(tags);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Placement)) {
      return false;
    }
    Placement that = (Placement) o;
    return Objects.equals(cluster, that.cluster) && Objects.equals(tags(), that.tags());
  }

  @Override
  public int hashCode() {
    return Objects.hash(cluster, tags());
  }

  @Override
  public String toString() {
    return "Placement[" + "cluster=" + cluster + ", " + "tags=" + tags() + "]";
  }
}

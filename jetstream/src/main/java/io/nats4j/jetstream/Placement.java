package io.nats4j.jetstream;

import java.util.List;

/**
 * Where in a super-cluster a stream is placed.
 *
 * <p>Thread-safety: immutable.
 *
 * @param cluster the cluster name, null for any
 * @param tags server tags the peers must have
 */
public record Placement(String cluster, List<String> tags) {
  /** Copies the tags. */
  public Placement {
    tags = tags == null ? null : List.copyOf(tags);
  }
}

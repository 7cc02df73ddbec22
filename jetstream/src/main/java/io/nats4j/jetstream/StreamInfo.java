package io.nats4j.jetstream;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A stream's configuration and state, as answered by stream create, update, info and list.
 *
 * <p>Thread-safety: immutable.
 */
public final class StreamInfo {
  private final StreamConfig config;
  private final Instant created;
  private final StreamState state;
  private final String domain;
  private final ClusterInfo cluster;
  private final StreamSourceInfo mirror;
  private final List<StreamSourceInfo> sources;
  private final List<StreamAlternate> alternates;
  private final Instant ts;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private StreamInfo() {
    this(null, null, null, null, null, null, null, null, null);
  }

  StreamInfo(
      StreamConfig config,
      Instant created,
      StreamState state,
      String domain,
      ClusterInfo cluster,
      StreamSourceInfo mirror,
      List<StreamSourceInfo> sources,
      List<StreamAlternate> alternates,
      Instant timestamp) {
    sources = sources == null ? List.of() : List.copyOf(sources);
    alternates = alternates == null ? List.of() : List.copyOf(alternates);
    this.config = config;
    this.created = created;
    this.state = state;
    this.domain = domain;
    this.cluster = cluster;
    this.mirror = mirror;
    this.sources = sources;
    this.alternates = alternates;
    this.ts = timestamp;
  }

  /**
   * Returns the configuration (with the server's defaults filled in).
   *
   * @return the configuration (with the server's defaults filled in)
   */
  public StreamConfig config() {
    return config;
  }

  /**
   * Returns when the stream was created.
   *
   * @return when the stream was created
   */
  public Instant created() {
    return created;
  }

  /**
   * Returns the state.
   *
   * @return the state
   */
  public StreamState state() {
    return state;
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
   * Returns the leader and replicas, null when not clustered.
   *
   * @return the leader and replicas, null when not clustered
   */
  public ClusterInfo cluster() {
    return cluster;
  }

  /**
   * Returns the mirror state, null if not a mirror.
   *
   * @return the mirror state, null if not a mirror
   */
  public StreamSourceInfo mirror() {
    return mirror;
  }

  /**
   * Returns the source states.
   *
   * @return the source states
   */
  public List<StreamSourceInfo> sources() {
    return sources == null ? List.of() : Collections.unmodifiableList(sources);
  }

  /**
   * Returns other copies of the stream.
   *
   * @return other copies of the stream
   */
  public List<StreamAlternate> alternates() {
    return alternates == null ? List.of() : Collections.unmodifiableList(alternates);
  }

  /**
   * Returns when the server gathered this information.
   *
   * @return when the server gathered this information
   */
  public Instant timestamp() {
    return ts;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StreamInfo)) {
      return false;
    }
    StreamInfo that = (StreamInfo) o;
    return Objects.equals(config, that.config)
        && Objects.equals(created, that.created)
        && Objects.equals(state, that.state)
        && Objects.equals(domain, that.domain)
        && Objects.equals(cluster, that.cluster)
        && Objects.equals(mirror, that.mirror)
        && Objects.equals(sources(), that.sources())
        && Objects.equals(alternates(), that.alternates())
        && Objects.equals(ts, that.ts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        config, created, state, domain, cluster, mirror, sources(), alternates(), ts);
  }

  @Override
  public String toString() {
    return "StreamInfo["
        + "config="
        + config
        + ", "
        + "created="
        + created
        + ", "
        + "state="
        + state
        + ", "
        + "domain="
        + domain
        + ", "
        + "cluster="
        + cluster
        + ", "
        + "mirror="
        + mirror
        + ", "
        + "sources="
        + sources()
        + ", "
        + "alternates="
        + alternates()
        + ", "
        + "timestamp="
        + ts
        + "]";
  }
}

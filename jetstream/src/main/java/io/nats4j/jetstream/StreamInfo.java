package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A stream's configuration and state, as answered by stream create, update, info and list.
 *
 * <p>Thread-safety: immutable.
 *
 * @param config the configuration (with the server's defaults filled in)
 * @param created when the stream was created
 * @param state the state
 * @param domain the JetStream domain
 * @param cluster the leader and replicas, null when not clustered
 * @param mirror the mirror state, null if not a mirror
 * @param sources the source states
 * @param alternates other copies of the stream
 * @param timestamp when the server gathered this information
 */
public record StreamInfo(
    StreamConfig config,
    Instant created,
    StreamState state,
    String domain,
    ClusterInfo cluster,
    StreamSourceInfo mirror,
    List<StreamSourceInfo> sources,
    List<StreamAlternate> alternates,
    @JsonProperty("ts") Instant timestamp) {
  /** Copies the lists. */
  public StreamInfo {
    sources = sources == null ? List.of() : List.copyOf(sources);
    alternates = alternates == null ? List.of() : List.copyOf(alternates);
  }
}

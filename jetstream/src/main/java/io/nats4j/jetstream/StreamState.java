package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The state of a stream at the time it was asked for.
 *
 * <p>Thread-safety: immutable.
 *
 * @param messages the stored message count
 * @param bytes the stored bytes
 * @param firstSeq the first sequence
 * @param firstTs the time of the first message, null if empty
 * @param lastSeq the last sequence
 * @param lastTs the time of the last message, null if empty
 * @param numSubjects the number of distinct subjects
 * @param subjects message count per subject; only filled when asked for with a subject filter
 * @param numDeleted the number of deleted messages (interior gaps)
 * @param deleted the deleted sequences; only filled when deleted details were asked for
 * @param lost messages lost to corruption, null if none
 * @param consumerCount the number of consumers
 */
public record StreamState(
    long messages,
    long bytes,
    long firstSeq,
    Instant firstTs,
    long lastSeq,
    Instant lastTs,
    long numSubjects,
    Map<String, Long> subjects,
    long numDeleted,
    List<Long> deleted,
    LostStreamData lost,
    @JsonProperty("consumer_count") long consumerCount) {
  /** Copies the collections. */
  public StreamState {
    subjects = subjects == null ? Map.of() : Map.copyOf(subjects);
    deleted = deleted == null ? List.of() : List.copyOf(deleted);
  }
}

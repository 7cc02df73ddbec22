package io.nats4j.jetstream;

import java.time.Duration;
import java.util.List;

/**
 * The replication state of a mirror or a source.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the upstream stream
 * @param external the other account or domain, null for this one
 * @param lag how many messages behind
 * @param active how long ago data last arrived, negative if never
 * @param error the last error, null if none
 * @param filterSubject the subject filter, null for none
 * @param subjectTransforms the subject transforms
 */
public record StreamSourceInfo(
    String name,
    ExternalStream external,
    long lag,
    Duration active,
    ApiError error,
    String filterSubject,
    List<SubjectTransform> subjectTransforms) {
  /** Copies the list. */
  public StreamSourceInfo {
    subjectTransforms = subjectTransforms == null ? List.of() : List.copyOf(subjectTransforms);
  }
}

package io.nats4j.jetstream;

import java.time.Instant;
import java.util.List;

/**
 * A stream to mirror or to source from.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the upstream stream
 * @param optStartSeq start at this upstream sequence, 0 for the beginning
 * @param optStartTime start at this time, null for the beginning
 * @param filterSubject only messages matching this subject, null for all
 * @param subjectTransforms subject transforms applied (instead of {@code filterSubject})
 * @param external the other account or domain, null for this one
 */
public record StreamSource(
    String name,
    long optStartSeq,
    Instant optStartTime,
    String filterSubject,
    List<SubjectTransform> subjectTransforms,
    ExternalStream external) {
  /** Copies the list. */
  public StreamSource {
    subjectTransforms = subjectTransforms == null ? null : List.copyOf(subjectTransforms);
  }

  /**
   * A source of a whole stream in this account, from its beginning.
   *
   * @param name the upstream stream
   * @return the source
   */
  public static StreamSource of(String name) {
    return new StreamSource(name, 0, null, null, null, null);
  }

  /**
   * A source of the messages of a stream that match a subject.
   *
   * @param name the upstream stream
   * @param filterSubject the subject filter
   * @return the source
   */
  public static StreamSource filtered(String name, String filterSubject) {
    return new StreamSource(name, 0, null, filterSubject, null, null);
  }
}

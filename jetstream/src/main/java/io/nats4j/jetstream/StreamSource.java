package io.nats4j.jetstream;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A stream to mirror or to source from.
 *
 * <p>Thread-safety: immutable.
 */
public final class StreamSource {
  private final String name;
  private final long optStartSeq;
  private final Instant optStartTime;
  private final String filterSubject;
  private final List<SubjectTransform> subjectTransforms;
  private final ExternalStream external;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private StreamSource() {
    this(null, 0, null, null, null, null);
  }

  /**
   * Creates the value.
   *
   * @param name the upstream stream
   * @param optStartSeq start at this upstream sequence, 0 for the beginning
   * @param optStartTime start at this time, null for the beginning
   * @param filterSubject only messages matching this subject, null for all
   * @param subjectTransforms subject transforms applied (instead of {@code filterSubject})
   * @param external the other account or domain, null for this one
   */
  public StreamSource(
      String name,
      long optStartSeq,
      Instant optStartTime,
      String filterSubject,
      List<SubjectTransform> subjectTransforms,
      ExternalStream external) {
    subjectTransforms = subjectTransforms == null ? null : List.copyOf(subjectTransforms);
    this.name = name;
    this.optStartSeq = optStartSeq;
    this.optStartTime = optStartTime;
    this.filterSubject = filterSubject;
    this.subjectTransforms = subjectTransforms;
    this.external = external;
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

  /**
   * Returns the upstream stream.
   *
   * @return the upstream stream
   */
  public String name() {
    return name;
  }

  /**
   * Returns start at this upstream sequence, 0 for the beginning.
   *
   * @return start at this upstream sequence, 0 for the beginning
   */
  public long optStartSeq() {
    return optStartSeq;
  }

  /**
   * Returns start at this time, null for the beginning.
   *
   * @return start at this time, null for the beginning
   */
  public Instant optStartTime() {
    return optStartTime;
  }

  /**
   * Returns only messages matching this subject, null for all.
   *
   * @return only messages matching this subject, null for all
   */
  public String filterSubject() {
    return filterSubject;
  }

  /**
   * Returns subject transforms applied (instead of {@code filterSubject}).
   *
   * @return subject transforms applied (instead of {@code filterSubject})
   */
  public List<SubjectTransform> subjectTransforms() {
    return subjectTransforms == null ? null : Collections.unmodifiableList(subjectTransforms);
  }

  /**
   * Returns the other account or domain, null for this one.
   *
   * @return the other account or domain, null for this one
   */
  public ExternalStream external() {
    return external;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StreamSource)) {
      return false;
    }
    StreamSource that = (StreamSource) o;
    return Objects.equals(name, that.name)
        && optStartSeq == that.optStartSeq
        && Objects.equals(optStartTime, that.optStartTime)
        && Objects.equals(filterSubject, that.filterSubject)
        && Objects.equals(subjectTransforms(), that.subjectTransforms())
        && Objects.equals(external, that.external);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name, optStartSeq, optStartTime, filterSubject, subjectTransforms(), external);
  }

  @Override
  public String toString() {
    return "StreamSource["
        + "name="
        + name
        + ", "
        + "optStartSeq="
        + optStartSeq
        + ", "
        + "optStartTime="
        + optStartTime
        + ", "
        + "filterSubject="
        + filterSubject
        + ", "
        + "subjectTransforms="
        + subjectTransforms()
        + ", "
        + "external="
        + external
        + "]";
  }
}

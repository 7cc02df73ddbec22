package io.nats4j.jetstream;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The replication state of a mirror or a source.
 *
 * <p>Thread-safety: immutable.
 */
public final class StreamSourceInfo {
  private final String name;
  private final ExternalStream external;
  private final long lag;
  private final Duration active;
  private final ApiError error;
  private final String filterSubject;
  private final List<SubjectTransform> subjectTransforms;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private StreamSourceInfo() {
    this(null, null, 0, null, null, null, null);
  }

  StreamSourceInfo(
      String name,
      ExternalStream external,
      long lag,
      Duration active,
      ApiError error,
      String filterSubject,
      List<SubjectTransform> subjectTransforms) {
    subjectTransforms = subjectTransforms == null ? List.of() : List.copyOf(subjectTransforms);
    this.name = name;
    this.external = external;
    this.lag = lag;
    this.active = active;
    this.error = error;
    this.filterSubject = filterSubject;
    this.subjectTransforms = subjectTransforms;
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
   * Returns the other account or domain, null for this one.
   *
   * @return the other account or domain, null for this one
   */
  public ExternalStream external() {
    return external;
  }

  /**
   * Returns how many messages behind.
   *
   * @return how many messages behind
   */
  public long lag() {
    return lag;
  }

  /**
   * Returns how long ago data last arrived, negative if never.
   *
   * @return how long ago data last arrived, negative if never
   */
  public Duration active() {
    return active;
  }

  /**
   * Returns the last error, null if none.
   *
   * @return the last error, null if none
   */
  public ApiError error() {
    return error;
  }

  /**
   * Returns the subject filter, null for none.
   *
   * @return the subject filter, null for none
   */
  public String filterSubject() {
    return filterSubject;
  }

  /**
   * Returns the subject transforms.
   *
   * @return the subject transforms
   */
  public List<SubjectTransform> subjectTransforms() {
    return subjectTransforms == null ? List.of() : Collections.unmodifiableList(subjectTransforms);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StreamSourceInfo)) {
      return false;
    }
    StreamSourceInfo that = (StreamSourceInfo) o;
    return Objects.equals(name, that.name)
        && Objects.equals(external, that.external)
        && lag == that.lag
        && Objects.equals(active, that.active)
        && Objects.equals(error, that.error)
        && Objects.equals(filterSubject, that.filterSubject)
        && Objects.equals(subjectTransforms(), that.subjectTransforms());
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, external, lag, active, error, filterSubject, subjectTransforms());
  }

  @Override
  public String toString() {
    return "StreamSourceInfo["
        + "name="
        + name
        + ", "
        + "external="
        + external
        + ", "
        + "lag="
        + lag
        + ", "
        + "active="
        + active
        + ", "
        + "error="
        + error
        + ", "
        + "filterSubject="
        + filterSubject
        + ", "
        + "subjectTransforms="
        + subjectTransforms()
        + "]";
  }
}

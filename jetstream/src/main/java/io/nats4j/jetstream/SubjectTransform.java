package io.nats4j.jetstream;

import java.util.Objects;

/**
 * A subject transform: messages matching {@code source} get the subject built from {@code
 * destination} (ADR-30/36), e.g. {@code new SubjectTransform("orders.*",
 * "eu.orders.{{wildcard(1)}}")}.
 *
 * <p>Thread-safety: immutable.
 */
public final class SubjectTransform {
  private final String src;
  private final String dest;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private SubjectTransform() {
    this(null, null);
  }

  /**
   * Creates the value.
   *
   * @param source the subject filter to match ({@code src})
   * @param destination the subject to map to ({@code dest})
   */
  public SubjectTransform(String source, String destination) {
    this.src = source;
    this.dest = destination;
  }

  /**
   * Returns the subject filter to match ({@code src}).
   *
   * @return the subject filter to match ({@code src})
   */
  public String source() {
    return src;
  }

  /**
   * Returns the subject to map to ({@code dest}).
   *
   * @return the subject to map to ({@code dest})
   */
  public String destination() {
    return dest;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SubjectTransform)) {
      return false;
    }
    SubjectTransform that = (SubjectTransform) o;
    return Objects.equals(src, that.src) && Objects.equals(dest, that.dest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(src, dest);
  }

  @Override
  public String toString() {
    return "SubjectTransform[" + "source=" + src + ", " + "destination=" + dest + "]";
  }
}

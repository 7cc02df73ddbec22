package io.nats4j.jetstream;

import java.util.Objects;

/**
 * Republishes every stored message to another subject (ADR-28).
 *
 * <p>Thread-safety: immutable.
 */
public final class Republish {
  private final String src;
  private final String dest;
  private final boolean headersOnly;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private Republish() {
    this(null, null, false);
  }

  /**
   * Creates the value.
   *
   * @param src the subject filter of stored messages to republish, null for all
   * @param dest the destination subject (may use transform functions)
   * @param headersOnly true to republish the headers (and the size) without the payload
   */
  public Republish(String src, String dest, boolean headersOnly) {
    this.src = src;
    this.dest = dest;
    this.headersOnly = headersOnly;
  }

  /**
   * Returns the subject filter of stored messages to republish, null for all.
   *
   * @return the subject filter of stored messages to republish, null for all
   */
  public String src() {
    return src;
  }

  /**
   * Returns the destination subject (may use transform functions).
   *
   * @return the destination subject (may use transform functions)
   */
  public String dest() {
    return dest;
  }

  /**
   * Returns true to republish the headers (and the size) without the payload.
   *
   * @return true to republish the headers (and the size) without the payload
   */
  public boolean headersOnly() {
    return headersOnly;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Republish)) {
      return false;
    }
    Republish that = (Republish) o;
    return Objects.equals(src, that.src)
        && Objects.equals(dest, that.dest)
        && headersOnly == that.headersOnly;
  }

  @Override
  public int hashCode() {
    return Objects.hash(src, dest, headersOnly);
  }

  @Override
  public String toString() {
    return "Republish["
        + "src="
        + src
        + ", "
        + "dest="
        + dest
        + ", "
        + "headersOnly="
        + headersOnly
        + "]";
  }
}

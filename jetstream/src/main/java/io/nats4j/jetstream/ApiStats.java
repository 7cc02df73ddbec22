package io.nats4j.jetstream;

import java.util.Objects;

/**
 * JetStream API statistics of an account, and the server's API level.
 *
 * <p>Thread-safety: immutable.
 */
public final class ApiStats {
  private final int level;
  private final long total;
  private final long errors;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private ApiStats() {
    this(0, 0, 0);
  }

  ApiStats(int level, long total, long errors) {
    this.level = level;
    this.total = total;
    this.errors = errors;
  }

  /**
   * Returns the server's JetStream API level (ADR-44).
   *
   * @return the server's JetStream API level (ADR-44)
   */
  public int level() {
    return level;
  }

  /**
   * Returns requests served.
   *
   * @return requests served
   */
  public long total() {
    return total;
  }

  /**
   * Returns requests that failed.
   *
   * @return requests that failed
   */
  public long errors() {
    return errors;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ApiStats)) {
      return false;
    }
    ApiStats that = (ApiStats) o;
    return level == that.level && total == that.total && errors == that.errors;
  }

  @Override
  public int hashCode() {
    return Objects.hash(level, total, errors);
  }

  @Override
  public String toString() {
    return "ApiStats["
        + "level="
        + level
        + ", "
        + "total="
        + total
        + ", "
        + "errors="
        + errors
        + "]";
  }
}

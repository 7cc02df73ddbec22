package io.nats4j.jetstream;

import java.util.Objects;

/**
 * What to purge from a stream (ADR-10): all, one subject, up to a sequence, or keep the newest N.
 *
 * <p>Thread-safety: immutable.
 */
public final class PurgeOptions {
  private final String filter;
  private final long seq;
  private final long keep;

  PurgeOptions(String filter, long seq, long keep) {
    if (seq < 0 || keep < 0) {
      throw new IllegalArgumentException("seq and keep must not be negative");
    }
    if (seq > 0 && keep > 0) {
      throw new IllegalArgumentException("set either seq or keep, not both");
    }
    this.filter = filter;
    this.seq = seq;
    this.keep = keep;
  }

  /**
   * Purges everything.
   *
   * @return the options
   */
  public static PurgeOptions all() {
    return new PurgeOptions(null, 0, 0);
  }

  /**
   * Purges the messages on one subject.
   *
   * @param subject the subject (wildcards allowed)
   * @return the options
   */
  public static PurgeOptions subject(String subject) {
    return new PurgeOptions(subject, 0, 0);
  }

  /**
   * Purges messages with a sequence lower than {@code seq}.
   *
   * @param seq the first sequence to keep
   * @return the options
   */
  public static PurgeOptions upToSequence(long seq) {
    return new PurgeOptions(null, seq, 0);
  }

  /**
   * Purges all but the newest {@code keep} messages.
   *
   * @param keep how many to keep
   * @return the options
   */
  public static PurgeOptions keep(long keep) {
    return new PurgeOptions(null, 0, keep);
  }

  /**
   * Restricts these options to one subject.
   *
   * @param subject the subject (wildcards allowed)
   * @return new options
   */
  public PurgeOptions onSubject(String subject) {
    return new PurgeOptions(subject, seq, keep);
  }

  /**
   * Returns only messages on this subject (wildcards allowed), null for all subjects.
   *
   * @return only messages on this subject (wildcards allowed), null for all subjects
   */
  public String filter() {
    return filter;
  }

  /**
   * Returns purge messages with a sequence lower than this, 0 for no bound.
   *
   * @return purge messages with a sequence lower than this, 0 for no bound
   */
  public long seq() {
    return seq;
  }

  /**
   * Returns keep this many newest messages, 0 to keep none.
   *
   * @return keep this many newest messages, 0 to keep none
   */
  public long keep() {
    return keep;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PurgeOptions)) {
      return false;
    }
    PurgeOptions that = (PurgeOptions) o;
    return Objects.equals(filter, that.filter) && seq == that.seq && keep == that.keep;
  }

  @Override
  public int hashCode() {
    return Objects.hash(filter, seq, keep);
  }

  @Override
  public String toString() {
    return "PurgeOptions[" + "filter=" + filter + ", " + "seq=" + seq + ", " + "keep=" + keep + "]";
  }
}

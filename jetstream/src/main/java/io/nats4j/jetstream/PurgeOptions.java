package io.nats4j.jetstream;

/**
 * What to purge from a stream (ADR-10): all, one subject, up to a sequence, or keep the newest N.
 *
 * <p>Thread-safety: immutable.
 *
 * @param filter only messages on this subject (wildcards allowed), null for all subjects
 * @param seq purge messages with a sequence lower than this, 0 for no bound
 * @param keep keep this many newest messages, 0 to keep none
 */
public record PurgeOptions(String filter, long seq, long keep) {
  /** Validates the combination. */
  public PurgeOptions {
    if (seq < 0 || keep < 0) {
      throw new IllegalArgumentException("seq and keep must not be negative");
    }
    if (seq > 0 && keep > 0) {
      throw new IllegalArgumentException("set either seq or keep, not both");
    }
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
}

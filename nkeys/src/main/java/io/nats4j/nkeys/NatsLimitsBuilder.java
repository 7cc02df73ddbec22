package io.nats4j.nkeys;

import java.util.Map;

/**
 * The limits account and user JWTs share (the Go jwt library's {@code NatsLimits}: {@code subs},
 * {@code data}, {@code payload}), unlimited ({@code -1}) until set. Account JWTs write them under
 * {@code limits}, user JWTs directly under {@code nats}.
 *
 * <p>Builders are not thread-safe; use one per thread.
 *
 * @param <B> the concrete builder type
 */
abstract class NatsLimitsBuilder<B extends NatsLimitsBuilder<B>> extends ClaimsBuilder<B> {
  private long subscriptions = AccountClaims.NO_LIMIT;
  private long data = AccountClaims.NO_LIMIT;
  private long payload = AccountClaims.NO_LIMIT;

  NatsLimitsBuilder(String subject, String name) {
    super(subject, name);
  }

  /**
   * Maximum subscriptions ({@code subs}; -1 unlimited).
   *
   * @param max the limit, -1 for unlimited
   * @return this builder
   */
  public B subscriptions(long max) {
    this.subscriptions = max;
    return self();
  }

  /**
   * Maximum bytes ({@code data}; -1 unlimited).
   *
   * @param maxBytes the limit, -1 for unlimited
   * @return this builder
   */
  public B data(long maxBytes) {
    this.data = maxBytes;
    return self();
  }

  /**
   * Maximum message payload ({@code payload}; -1 unlimited).
   *
   * @param maxBytes the limit, -1 for unlimited
   * @return this builder
   */
  public B payload(long maxBytes) {
    this.payload = maxBytes;
    return self();
  }

  /** Writes {@code subs}, {@code data} and {@code payload}, in that order, where not 0. */
  void writeNatsLimits(Map<String, Object> map) {
    putIfNonZero(map, "subs", subscriptions);
    putIfNonZero(map, "data", data);
    putIfNonZero(map, "payload", payload);
  }
}

package io.nats4j.client;

/**
 * An error reported to the {@link ErrorListener} because no application call was waiting for it.
 *
 * <p>Thread-safety: every error is an immutable record.
 */
public sealed interface AsyncError {

  /**
   * A subscription's pending messages or bytes went over its limit and messages were dropped.
   * Reported once per episode: when the subscription keeps up again, a new overflow reports again.
   *
   * @param subscription the subscription that dropped messages; see {@link
   *     Subscription#droppedMessages()}
   */
  record SlowConsumer(Subscription subscription) implements AsyncError {}

  /**
   * The server denied a publish or a subscription ({@code Permissions Violation}).
   *
   * @param operation what was denied
   * @param subject the subject the server named
   * @param text the server's full error text
   */
  record PermissionDenied(Operation operation, String subject, String text) implements AsyncError {}

  /**
   * The server sent an {@code -ERR} that is not a permission error.
   *
   * @param text the server's words
   */
  record ServerError(String text) implements AsyncError {}

  /** What a permission applies to. */
  enum Operation {
    /** Publishing to a subject. */
    PUBLISH,
    /** Subscribing to a subject. */
    SUBSCRIBE
  }
}

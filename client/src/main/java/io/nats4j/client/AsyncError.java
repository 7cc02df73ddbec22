package io.nats4j.client;

/**
 * An error reported to the {@link ErrorListener} because no application call was waiting for it.
 *
 * <p>Thread-safety: every error is an immutable record.
 */
public sealed interface AsyncError {

  /**
   * A subscription's pending messages or bytes went over its limit and messages were dropped.
   * Reported once per episode: the episode ends when the backlog has fallen to half the limits
   * (messages and bytes), so sustained overload is one report, not one per freed slot; the next
   * overflow after that reports again.
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
   * A message arrived that breaks the protocol in a way that concerns only itself (today: a
   * malformed header block, which the server forwards from the publisher as it got it). It is not
   * delivered; the subscription counts it in {@link Subscription#droppedMessages()} and the
   * connection stays up.
   *
   * @param subscription the subscription it was for
   * @param subject the message's subject
   * @param error what is wrong with it
   */
  record MalformedMessage(Subscription subscription, String subject, ProtocolException error)
      implements AsyncError {}

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

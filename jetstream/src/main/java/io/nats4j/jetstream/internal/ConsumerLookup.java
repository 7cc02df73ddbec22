package io.nats4j.jetstream.internal;

import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.JetStreamApiException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Asynchronous consumer info, for checks made from timers (which must not block). */
public final class ConsumerLookup {
  private static final byte[] EMPTY = new byte[0];

  private ConsumerLookup() {}

  /**
   * Requests the consumer's info without blocking.
   *
   * @param api the API client
   * @param stream the stream
   * @param consumer the consumer
   * @return the info, or fails with the server's error
   */
  public static CompletableFuture<ConsumerInfo> info(
      ApiClient api, String stream, String consumer) {
    try {
      return api.connection()
          .requestAsync(
              api.subject("CONSUMER.INFO." + stream + "." + consumer),
              EMPTY,
              api.options().requestTimeout())
          .thenApply(reply -> Responses.read(reply.data(), ConsumerInfo.class));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Tells whether a lookup failed because the consumer or its stream does not exist.
   *
   * @param error the failure of {@link #info}
   * @return true if it is gone
   */
  public static boolean isGone(Throwable error) {
    return unwrap(error) instanceof JetStreamApiException e
        && (e.errorCode() == JetStreamApiException.CONSUMER_NOT_FOUND
            || e.errorCode() == JetStreamApiException.STREAM_NOT_FOUND);
  }

  /**
   * Removes the wrappers of a future's failure.
   *
   * @param error the failure
   * @return the cause
   */
  public static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}

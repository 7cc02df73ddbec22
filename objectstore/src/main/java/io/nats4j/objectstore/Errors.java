package io.nats4j.objectstore;

import io.nats4j.jetstream.JetStreamApiException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Maps JetStream failures to the Object Store's exceptions. Stateless. */
final class Errors {
  static final int STREAM_SEALED = 10109;

  private Errors() {}

  static RuntimeException map(String bucket, String action, Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof JetStreamApiException api) {
      if (api.errorCode() == STREAM_SEALED) {
        return new StoreSealedException(
            "bucket '" + bucket + "' is sealed: " + action + " refused", api);
      }
      if (api.errorCode() == JetStreamApiException.STREAM_NOT_FOUND) {
        return new BucketNotFoundException("bucket '" + bucket + "' not found", api);
      }
    }
    if (cause instanceof RuntimeException r) {
      return r;
    }
    return new ObjectStoreException(action + " failed: " + cause, cause);
  }
}

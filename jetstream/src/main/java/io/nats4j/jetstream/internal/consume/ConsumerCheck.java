package io.nats4j.jetstream.internal.consume;

import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.internal.Responses;
import java.util.function.Consumer;

/**
 * After a {@code 503} to a pull, asks (without blocking) whether the consumer still exists: a
 * consumer or stream that is gone ends the consume; anything else (JetStream restarting, no leader
 * yet) is transient.
 */
final class ConsumerCheck {
  private ConsumerCheck() {}

  /**
   * Runs the check.
   *
   * @param gone called with the terminal error when the consumer or its stream is gone
   * @param transientFailure called otherwise
   */
  static void run(PullTarget t, Consumer<JetStreamException> gone, Runnable transientFailure) {
    String subject = t.api.subject("CONSUMER.INFO." + t.stream + "." + t.consumer);
    try {
      t.connection
          .requestAsync(subject, new byte[0], t.api.options().requestTimeout())
          .whenComplete(
              (reply, error) -> {
                if (error != null) {
                  transientFailure.run();
                  return;
                }
                try {
                  Responses.tree(reply.data());
                  transientFailure.run();
                } catch (JetStreamApiException e) {
                  if (e.errorCode() == JetStreamApiException.CONSUMER_NOT_FOUND
                      || e.errorCode() == JetStreamApiException.STREAM_NOT_FOUND) {
                    gone.accept(
                        new JetStreamException(
                            "consuming " + t.describe() + " ended: " + e.getMessage(), e));
                  } else {
                    transientFailure.run();
                  }
                } catch (RuntimeException e) {
                  transientFailure.run();
                }
              });
    } catch (RuntimeException e) {
      transientFailure.run();
    }
  }
}

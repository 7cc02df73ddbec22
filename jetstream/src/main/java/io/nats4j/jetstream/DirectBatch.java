package io.nats4j.jetstream;

import java.util.List;

/**
 * The messages of a batch or multi-last Direct Get (ADR-31), with what the end-of-batch status (204
 * EOB) reported.
 *
 * <p>Thread-safety: immutable.
 *
 * @param messages the messages in the order the server sent them
 * @param numPending messages left after this batch that matched the request
 * @param lastSequence the last sequence the server looked at
 * @param upToSequence multi-last: the stream sequence the answer is consistent with, else 0
 */
public record DirectBatch(
    List<StoredMessage> messages, long numPending, long lastSequence, long upToSequence) {
  /** Copies the list. */
  public DirectBatch {
    messages = List.copyOf(messages);
  }
}

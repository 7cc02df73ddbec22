package io.nats4j.jetstream;

import java.util.List;

/**
 * Messages the server lost, e.g. after disk corruption.
 *
 * <p>Thread-safety: immutable.
 *
 * @param msgs the lost sequences
 * @param bytes the lost bytes
 */
public record LostStreamData(List<Long> msgs, long bytes) {
  /** Copies the list. */
  public LostStreamData {
    msgs = msgs == null ? List.of() : List.copyOf(msgs);
  }
}

package io.nats4j.jetstream.internal.batch;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Default atomic batch ids: a random prefix of {@value #PREFIX_LENGTH} base62 characters, drawn
 * once per process from {@link SecureRandom} (about 59 bits), followed by a base-36 counter ({@code
 * k3Xa9QmZ2w0}, {@code k3Xa9QmZ2w1}, ...). Unique among a process's batches, and across processes
 * unless two draw the same prefix.
 *
 * <p>The id is short on purpose: it travels in the {@code Nats-Batch-Id} header of every message of
 * the batch, which the server parses several times per message and stores twice (staged, then in
 * the stream), so a 36-character UUID costs the server about 10 % more bytes per 128-byte message
 * than an id of the Go client's length (13 characters, e.g. {@code 1a24c2d77fb-0}).
 *
 * <p>Thread-safety: {@link #next()} is safe from any thread.
 */
public final class BatchIds {
  /** Length of the random prefix. */
  public static final int PREFIX_LENGTH = 10;

  private static final String DIGITS =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String PREFIX = randomPrefix(new SecureRandom());
  private static final AtomicLong COUNTER = new AtomicLong();

  private BatchIds() {}

  /**
   * Returns a new batch id: the process's prefix and the next counter value.
   *
   * @return 11 to 23 characters, base62 letters and digits only
   */
  public static String next() {
    return PREFIX + Long.toString(COUNTER.getAndIncrement(), 36);
  }

  static String randomPrefix(SecureRandom random) {
    char[] prefix = new char[PREFIX_LENGTH];
    for (int i = 0; i < prefix.length; i++) {
      prefix[i] = DIGITS.charAt(random.nextInt(DIGITS.length()));
    }
    return new String(prefix);
  }
}

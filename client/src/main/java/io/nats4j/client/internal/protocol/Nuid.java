package io.nats4j.client.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * NATS unique ids: 22 base62 characters, a 12-character random prefix from {@link SecureRandom}
 * followed by a 10-character sequence that advances by a random increment; a new prefix is drawn
 * when the sequence runs out. Unique enough for inboxes and object chunk names without a lock or a
 * {@code SecureRandom} call per id.
 *
 * <p>Thread-safety: {@link #next()} is safe from any thread (one generator per thread). An instance
 * and its {@link #nextNuid()} are not thread-safe: confine an instance to one thread at a time.
 */
public final class Nuid {
  /** Length of every id. */
  public static final int LENGTH = 22;

  private static final byte[] DIGITS =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
          .getBytes(StandardCharsets.US_ASCII);
  private static final int BASE = 62;
  private static final int PREFIX_LENGTH = 12;
  private static final long MAX_SEQUENCE = 839299365868340224L; // 62^10: ten base62 digits
  private static final long MIN_INCREMENT = 33;
  private static final long MAX_INCREMENT = 333;
  private static final SecureRandom PREFIX_RANDOM = new SecureRandom();
  private static final ThreadLocal<Nuid> PER_THREAD = ThreadLocal.withInitial(Nuid::new);

  private final byte[] id = new byte[LENGTH];
  private long sequence;
  private long increment;

  /** Creates a generator with a fresh random prefix and sequence. */
  public Nuid() {
    randomizePrefix();
    resetSequence();
  }

  /**
   * Returns a new id from this thread's generator.
   *
   * @return 22 base62 characters
   */
  public static String next() {
    return PER_THREAD.get().nextNuid();
  }

  /**
   * Returns the next id of this generator.
   *
   * @return 22 base62 characters
   */
  public String nextNuid() {
    advance();
    return new String(id, 0, LENGTH, StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes the next id of this generator as 22 ASCII bytes, for callers that build subjects in byte
   * arrays without creating a String.
   *
   * @param dst the destination
   * @param offset where to write the first byte
   */
  public void nextNuid(byte[] dst, int offset) {
    advance();
    System.arraycopy(id, 0, dst, offset, LENGTH);
  }

  private void advance() {
    sequence += increment;
    if (sequence >= MAX_SEQUENCE) {
      randomizePrefix();
      resetSequence();
    }
    long s = sequence;
    for (int i = LENGTH - 1; i >= PREFIX_LENGTH; i--) {
      id[i] = DIGITS[(int) (s % BASE)];
      s /= BASE;
    }
  }

  private void randomizePrefix() {
    byte[] random = new byte[PREFIX_LENGTH];
    PREFIX_RANDOM.nextBytes(random);
    for (int i = 0; i < PREFIX_LENGTH; i++) {
      id[i] = DIGITS[(random[i] & 0xff) % BASE];
    }
  }

  private void resetSequence() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    sequence = random.nextLong(MAX_SEQUENCE);
    increment = random.nextLong(MIN_INCREMENT, MAX_INCREMENT);
  }
}

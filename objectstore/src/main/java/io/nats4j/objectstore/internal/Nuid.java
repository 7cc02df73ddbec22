package io.nats4j.objectstore.internal;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique object ids in the NUID format the other clients use: 22 base-62 characters, a random
 * 12-character prefix and a 10-character counter. Ids only need to be unique per bucket (they name
 * the chunk subject of one object version), so one random prefix per JVM plus a counter that starts
 * at a random value is enough; the prefix is renewed when the counter wraps.
 *
 * <p>Thread-safe.
 */
public final class Nuid {
  private static final char[] DIGITS =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final long MAX_SEQ = 839299365868340224L; // 62^10
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Object LOCK = new Object();
  private static String prefix = newPrefix(); // guarded by LOCK
  private static final AtomicLong SEQ =
      new AtomicLong(Math.floorMod(RANDOM.nextLong(), MAX_SEQ / 2));

  private Nuid() {}

  /**
   * Returns a new id.
   *
   * @return 22 base-62 characters
   */
  public static String next() {
    long seq = SEQ.incrementAndGet();
    String p;
    synchronized (LOCK) {
      if (seq >= MAX_SEQ) {
        prefix = newPrefix();
        SEQ.set(0);
        seq = SEQ.incrementAndGet();
      }
      p = prefix;
    }
    char[] out = new char[22];
    p.getChars(0, 12, out, 0);
    for (int i = 21; i >= 12; i--) {
      out[i] = DIGITS[(int) (seq % 62)];
      seq /= 62;
    }
    return new String(out);
  }

  private static String newPrefix() {
    char[] p = new char[12];
    for (int i = 0; i < p.length; i++) {
      p[i] = DIGITS[RANDOM.nextInt(62)];
    }
    return new String(p);
  }
}

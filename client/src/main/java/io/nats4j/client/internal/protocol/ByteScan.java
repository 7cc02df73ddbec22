package io.nats4j.client.internal.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the end of a control line and of its arguments eight bytes at a time (SWAR: a {@code long}
 * read through a byte-array view, and the "has a zero byte" bit trick). Every received message's
 * {@code MSG}/{@code HMSG} line is scanned twice (for its CRLF, then for its blanks), and with
 * JetStream its reply subject is most of it: byte by byte this was the reader's largest cost.
 *
 * <p>The trick: {@code (x - 0x01..01) & ~x & 0x80..80} sets the high bit of every zero byte of
 * {@code x}, and may set it in bytes above the lowest zero byte (a borrow), never below it, so its
 * lowest set bit is exact. {@code x} is the word xor-ed with the byte searched for, repeated.
 *
 * <p>Thread-safety: stateless.
 */
final class ByteScan {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long CRS = ONES * '\r';
  private static final long LFS = ONES * '\n';
  private static final long SPACES = ONES * ' ';
  private static final long TABS = ONES * '\t';

  private ByteScan() {}

  /**
   * Returns the index of the first CR or LF in {@code b[from, to)}, or {@code to} if none.
   *
   * @param b the bytes
   * @param from first index searched
   * @param to end of the range, at most {@code b.length}
   * @return the index
   */
  static int lineEnd(byte[] b, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long w = (long) LONGS.get(b, i);
      long found = zeroBytes(w ^ CRS) | zeroBytes(w ^ LFS);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      byte c = b[i];
      if (c == '\r' || c == '\n') {
        return i;
      }
    }
    return to;
  }

  /**
   * Returns the index of the first blank (space or tab) in {@code b[from, to)}, or {@code to}.
   *
   * @param b the bytes
   * @param from first index searched
   * @param to end of the range, at most {@code b.length}
   * @return the index
   */
  static int blank(byte[] b, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long w = (long) LONGS.get(b, i);
      long found = zeroBytes(w ^ SPACES) | zeroBytes(w ^ TABS);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      byte c = b[i];
      if (c == ' ' || c == '\t') {
        return i;
      }
    }
    return to;
  }

  private static long zeroBytes(long x) {
    return (x - ONES) & ~x & HIGHS;
  }
}

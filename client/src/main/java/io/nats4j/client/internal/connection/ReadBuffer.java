package io.nats4j.client.internal.connection;

/**
 * The reader thread's buffer: {@value #MIN_BYTES} bytes, doubled (up to {@value #MAX_BYTES}) while
 * reads fill it, and back to {@value #MIN_BYTES} after {@value #SHRINK_AFTER} reads in a row that
 * fit in that. A busy connection reads in larger steps (fewer system calls and wake-ups per byte)
 * and a quiet one does not keep the larger array. No larger than {@value #MAX_BYTES}: the JDK's
 * socket streams return at most 128 KiB per read ({@code sun.nio.ch.NioSocketImpl}), so a larger
 * array would only hold memory.
 *
 * <p>Thread-safety: confined to the reader thread.
 */
final class ReadBuffer {
  static final int MIN_BYTES = 64 * 1024;
  static final int MAX_BYTES = 128 * 1024;
  static final int SHRINK_AFTER = 64;

  private byte[] bytes = new byte[MIN_BYTES];
  private int smallReads;

  /**
   * Returns the array to read into next.
   *
   * @return the current array; a later {@link #filled} may replace it
   */
  byte[] bytes() {
    return bytes;
  }

  /**
   * Adapts the size to a read that just returned {@code n} bytes (after they were parsed: the old
   * array is dropped).
   *
   * @param n the bytes the last read returned
   */
  void filled(int n) {
    if (n == bytes.length) {
      smallReads = 0;
      if (bytes.length < MAX_BYTES) {
        bytes = new byte[Math.min(MAX_BYTES, bytes.length * 2)];
      }
    } else if (n <= MIN_BYTES && bytes.length > MIN_BYTES) {
      if (++smallReads >= SHRINK_AFTER) {
        bytes = new byte[MIN_BYTES];
        smallReads = 0;
      }
    } else {
      smallReads = 0;
    }
  }
}

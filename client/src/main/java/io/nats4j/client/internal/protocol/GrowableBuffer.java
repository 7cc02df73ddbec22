package io.nats4j.client.internal.protocol;

import java.util.Arrays;

/**
 * A growable byte array that encoders append to; the connection hands {@link #array()} and {@link
 * #length()} to the socket.
 *
 * <p>Thread-safety: none. One thread at a time (the connection guards its outbound buffer with a
 * lock).
 */
public final class GrowableBuffer {
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;
  private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes();

  private byte[] bytes;
  private int length;

  /**
   * Creates an empty buffer.
   *
   * @param initialCapacity bytes to allocate up front, at least 0
   */
  public GrowableBuffer(int initialCapacity) {
    if (initialCapacity < 0) {
      throw new IllegalArgumentException("initialCapacity must be >= 0, was " + initialCapacity);
    }
    bytes = new byte[initialCapacity];
  }

  /**
   * Appends one byte.
   *
   * @param b the byte
   */
  public void write(byte b) {
    if (length == bytes.length) {
      grow(1);
    }
    bytes[length++] = b;
  }

  /**
   * Appends all of {@code src}.
   *
   * @param src the bytes
   */
  public void write(byte[] src) {
    write(src, 0, src.length);
  }

  /**
   * Appends {@code len} bytes of {@code src} starting at {@code off}.
   *
   * @param src the bytes
   * @param off where to start in {@code src}
   * @param len how many bytes
   * @throws IndexOutOfBoundsException if the range is outside {@code src}
   */
  public void write(byte[] src, int off, int len) {
    ensureSpare(len);
    System.arraycopy(src, off, bytes, length, len);
    length += len;
  }

  /**
   * Appends {@code s} one byte per char. Meant for ASCII text; any non-ASCII char is written as
   * UTF-8 so nothing is ever silently mangled.
   *
   * @param s the text
   */
  public void writeAscii(String s) {
    int n = s.length();
    ensureSpare(n);
    byte[] b = bytes;
    int p = length;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        length = p;
        writeUtf8(s, i);
        return;
      }
      b[p++] = (byte) c;
    }
    length = p;
  }

  /**
   * Appends {@code v} in decimal ASCII without allocating.
   *
   * @param v the number
   */
  public void writeDecimal(long v) {
    if (v == Long.MIN_VALUE) {
      write(LONG_MIN);
      return;
    }
    if (v < 0) {
      write((byte) '-');
      v = -v;
    }
    int digits = digitCount(v);
    ensureSpare(digits);
    int p = length + digits;
    byte[] b = bytes;
    do {
      b[--p] = (byte) ('0' + (v % 10));
      v /= 10;
    } while (v != 0);
    length += digits;
  }

  /**
   * Makes sure at least {@code n} more bytes fit without growing again.
   *
   * @param n bytes about to be written
   */
  public void ensureSpare(int n) {
    if (n > bytes.length - length) {
      grow(n);
    }
  }

  /**
   * Returns the backing array; bytes {@code [0, length())} are the content. The array is replaced
   * when the buffer grows, so do not keep it across writes.
   *
   * @return the backing array, not a copy
   */
  public byte[] array() {
    return bytes;
  }

  /**
   * Returns the number of bytes written since the last {@link #clear()}.
   *
   * @return the content length
   */
  public int length() {
    return length;
  }

  /**
   * Returns the size of the backing array.
   *
   * @return the current capacity in bytes
   */
  public int capacity() {
    return bytes.length;
  }

  /** Forgets the content and keeps the capacity. */
  public void clear() {
    length = 0;
  }

  /**
   * Returns a copy of the content.
   *
   * @return a new array of {@link #length()} bytes
   */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  private void writeUtf8(String s, int from) {
    for (int i = from, n = s.length(); i < n; i++) {
      int c = s.charAt(i);
      if (Character.isHighSurrogate((char) c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        c = Character.toCodePoint((char) c, s.charAt(++i));
      } else if (Character.isSurrogate((char) c)) {
        c = '?';
      }
      if (c < 0x80) {
        write((byte) c);
      } else if (c < 0x800) {
        ensureSpare(2);
        bytes[length++] = (byte) (0xc0 | (c >> 6));
        bytes[length++] = (byte) (0x80 | (c & 0x3f));
      } else if (c < 0x10000) {
        ensureSpare(3);
        bytes[length++] = (byte) (0xe0 | (c >> 12));
        bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        bytes[length++] = (byte) (0x80 | (c & 0x3f));
      } else {
        ensureSpare(4);
        bytes[length++] = (byte) (0xf0 | (c >> 18));
        bytes[length++] = (byte) (0x80 | ((c >> 12) & 0x3f));
        bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        bytes[length++] = (byte) (0x80 | (c & 0x3f));
      }
    }
  }

  private static int digitCount(long v) {
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }

  private void grow(int needed) {
    long required = (long) length + needed;
    if (required > MAX_CAPACITY) {
      throw new IllegalStateException("buffer cannot grow beyond " + MAX_CAPACITY + " bytes");
    }
    long doubled = Math.max(16L, (long) bytes.length * 2);
    bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_CAPACITY, Math.max(required, doubled)));
  }
}

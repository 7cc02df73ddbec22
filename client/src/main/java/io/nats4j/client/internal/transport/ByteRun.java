package io.nats4j.client.internal.transport;

import java.util.Arrays;

/**
 * A growable run of bytes the WebSocket streams stage data in, with direct access to its array for
 * the codecs to write into.
 *
 * <p>Thread-safety: none; owned by one stream.
 */
final class ByteRun {
  byte[] bytes;
  int length;

  ByteRun(int capacity) {
    bytes = new byte[capacity];
  }

  void ensureSpare(int n) {
    if (bytes.length - length < n) {
      long wanted = Math.max((long) length + n, (long) bytes.length * 2);
      bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, Integer.MAX_VALUE - 16));
    }
  }

  void write(byte[] src, int off, int len) {
    ensureSpare(len);
    System.arraycopy(src, off, bytes, length, len);
    length += len;
  }

  void clear() {
    length = 0;
  }

  /** Gives memory back after a large message, keeping the usual size. */
  void shrinkTo(int capacity) {
    if (bytes.length > capacity * 4 && length <= capacity) {
      bytes = Arrays.copyOf(bytes, capacity);
    }
  }
}

package io.nats4j.client.internal.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Writes client frames (RFC 6455 section 5.2): the header with the mask bit set, then the payload
 * XORed with the frame's 4-byte masking key. Pure: the caller brings the key (fresh and random for
 * every frame) and the target array.
 *
 * <p>Thread-safety: stateless.
 */
public final class WebSocketFrameEncoder {
  /** The largest header: 2 bytes, an 8-byte length, a 4-byte key. */
  public static final int MAX_HEADER = 14;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private WebSocketFrameEncoder() {}

  /**
   * Writes a frame header.
   *
   * @param target where to write, at least {@link #MAX_HEADER} bytes from {@code at}
   * @param at where the header starts
   * @param fin the frame ends its message
   * @param rsv1 the message is compressed (set on its first frame only)
   * @param opcode the opcode
   * @param length the payload length
   * @param maskKey the masking key, as four big-endian bytes
   * @return the header length
   */
  public static int header(
      byte[] target, int at, boolean fin, boolean rsv1, int opcode, long length, int maskKey) {
    target[at] = (byte) ((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode);
    int pos = at + 2;
    if (length < 126) {
      target[at + 1] = (byte) (0x80 | length);
    } else if (length <= 0xFFFF) {
      target[at + 1] = (byte) (0x80 | 126);
      target[pos++] = (byte) (length >>> 8);
      target[pos++] = (byte) length;
    } else {
      target[at + 1] = (byte) (0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        target[pos++] = (byte) (length >>> shift);
      }
    }
    target[pos++] = (byte) (maskKey >>> 24);
    target[pos++] = (byte) (maskKey >>> 16);
    target[pos++] = (byte) (maskKey >>> 8);
    target[pos++] = (byte) maskKey;
    return pos - at;
  }

  /**
   * Copies a payload, masked: byte {@code i} is XORed with key byte {@code i % 4}. Eight bytes at a
   * time; masking is the one pass over every byte WebSocket adds to publishing.
   *
   * @param src the payload
   * @param srcOff where it starts
   * @param len its length
   * @param dst the target (may be {@code src} at the same offset)
   * @param dstOff where to write
   * @param maskKey the masking key, as four big-endian bytes
   */
  public static void mask(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int maskKey) {
    long key8 = ((maskKey & 0xFFFFFFFFL) << 32) | (maskKey & 0xFFFFFFFFL);
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      LONGS.set(dst, dstOff + i, (long) LONGS.get(src, srcOff + i) ^ key8);
    }
    for (; i < len; i++) {
      dst[dstOff + i] = (byte) (src[srcOff + i] ^ (maskKey >>> (24 - 8 * (i & 3))));
    }
  }
}

package io.nats4j.client.internal.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Frames what the connection writes as masked binary WebSocket messages, each frame with a fresh
 * random masking key (RFC 6455 section 5.3), compressing messages of {@value #COMPRESS_ABOVE} bytes
 * or more when permessage-deflate was negotiated. Large writes are split into messages of at most
 * {@value #MAX_FRAME_PAYLOAD} bytes (NATS does not care where messages end); a compressed write is
 * compressed in pieces the server can take: it inflates a compressed message into at most its
 * {@code max_payload} bytes, so no piece holds more input than that (nor more than {@value
 * #MAX_COMPRESS_INPUT} bytes); each piece is one message, fragmented the same way.
 *
 * <p>Thread-safety: frames are written whole under a lock: the writer thread writes data, the
 * reader thread answers pings and a close frame.
 */
final class WebSocketOutputStream extends OutputStream {
  /** Writes shorter than this are not worth compressing (the server's threshold as well). */
  static final int COMPRESS_ABOVE = 64;

  static final int MAX_FRAME_PAYLOAD = 1024 * 1024;

  static final int MAX_COMPRESS_INPUT = 256 * 1024;

  private final OutputStream socket;
  private final PerMessageDeflate deflate;
  private final ReentrantLock lock = new ReentrantLock();
  private final SecureRandom random = new SecureRandom();
  private final ByteRun frame = new ByteRun(16 * 1024);
  private final ByteRun compressed;
  private boolean closeSent;
  private volatile int compressInput = 64 * 1024; // until INFO tells max_payload

  WebSocketOutputStream(OutputStream socket, PerMessageDeflate deflate) {
    this.socket = socket;
    this.deflate = deflate;
    this.compressed = deflate == null ? null : new ByteRun(16 * 1024);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return;
    }
    lock.lock();
    try {
      if (closeSent) {
        throw new IOException("the WebSocket is closed: nothing may follow a close frame");
      }
      if (deflate != null && len >= COMPRESS_ABOVE) {
        int piece = compressInput;
        for (int pos = 0; pos < len; pos += piece) {
          compressed.clear();
          deflate.deflate(b, off + pos, Math.min(piece, len - pos), compressed);
          writeMessage(compressed.bytes, 0, compressed.length, true, true);
        }
      } else {
        writeMessage(b, off, len, false, false);
      }
      if (len < 16 * 1024) { // give a burst's memory back, but never churn under load
        frame.shrinkTo(64 * 1024);
        if (compressed != null) {
          compressed.shrinkTo(64 * 1024);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private void writeMessage(byte[] b, int off, int len, boolean rsv1, boolean fragment)
      throws IOException {
    int pos = 0;
    boolean first = true;
    do {
      int n = Math.min(len - pos, MAX_FRAME_PAYLOAD);
      boolean last = pos + n == len;
      int opcode = !fragment || first ? WebSocketFrameDecoder.OP_BINARY : 0;
      writeFrame(!fragment || last, rsv1 && first, opcode, b, off + pos, n);
      pos += n;
      first = false;
    } while (pos < len);
  }

  private void writeFrame(boolean fin, boolean rsv1, int opcode, byte[] b, int off, int len)
      throws IOException {
    int key = random.nextInt();
    frame.clear();
    frame.ensureSpare(WebSocketFrameEncoder.MAX_HEADER + len);
    int h = WebSocketFrameEncoder.header(frame.bytes, 0, fin, rsv1, opcode, len, key);
    WebSocketFrameEncoder.mask(b, off, len, frame.bytes, h, key);
    socket.write(frame.bytes, 0, h + len);
  }

  /**
   * Bounds the input of one compressed message by the server's {@code max_payload}.
   *
   * @param maxPayload the INFO's max_payload; 0 or less leaves the bound as it is
   */
  void serverMaxPayload(long maxPayload) {
    if (maxPayload > 0) {
      compressInput = (int) Math.min(maxPayload, MAX_COMPRESS_INPUT);
    }
  }

  /** Writes a control frame (a pong, a close) at once. */
  void control(int opcode, byte[] payload) throws IOException {
    lock.lock();
    try {
      if (closeSent) {
        return; // nothing may follow a close frame
      }
      writeFrame(true, false, opcode, payload, 0, payload.length);
      socket.flush();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends a close frame unless one was sent, without waiting for a writer in the middle of a write
   * (closing must never hang on a full socket).
   *
   * @param code the close code
   */
  void closeQuietly(int code) {
    if (!lock.tryLock()) {
      return;
    }
    try {
      if (!closeSent) {
        writeFrame(
            true,
            false,
            WebSocketFrameDecoder.OP_CLOSE,
            new byte[] {(byte) (code >>> 8), (byte) code},
            0,
            2);
        socket.flush();
        closeSent = true;
      }
    } catch (IOException | RuntimeException ignored) {
      // the socket is going away either way
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void flush() throws IOException {
    socket.flush();
  }
}

package io.nats4j.client.internal.transport;

import io.nats4j.client.WebSocketClosedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The NATS byte stream inside the WebSocket messages a server sends: reads the socket, decodes
 * frames with {@link WebSocketFrameDecoder}, inflates compressed messages, answers pings and a
 * close frame (through the {@link WebSocketOutputStream}), and ends with a {@link
 * WebSocketClosedException} carrying the server's close code.
 *
 * <p>Uncompressed payload is copied once, from the socket chunk straight into the caller's array (a
 * chunk never holds more payload than bytes, so it always fits). Staging is bounded: a compressed
 * message (at most the decoder's message bound, before and after inflating).
 *
 * <p>Thread-safety: confined to the reader thread (the connecting thread during the handshake).
 */
final class WebSocketInputStream extends InputStream implements WebSocketFrameDecoder.Handler {
  private static final int CHUNK = 64 * 1024;

  private final InputStream socket;
  private final WebSocketOutputStream replies;
  private final WebSocketFrameDecoder decoder;
  private final PerMessageDeflate deflate;
  private final long maxMessageBytes;
  private final byte[] raw = new byte[CHUNK];
  private byte[] leftover; // bytes that came with the HTTP response
  private int leftoverPos;

  private final ByteRun ready = new ByteRun(0); // decoded, waiting for the caller
  private int readyPos;
  private ByteRun compressed; // the compressed message being received
  private boolean compressing;
  private RuntimeException
      failure; // a close or a protocol error, thrown once the bytes before it are read

  private byte[] target; // the caller's array during one decode
  private int targetPos;

  WebSocketInputStream(
      InputStream socket,
      byte[] leftover,
      WebSocketOutputStream replies,
      PerMessageDeflate deflate,
      long maxMessageBytes) {
    this.socket = socket;
    this.leftover = leftover.length == 0 ? null : leftover;
    this.replies = replies;
    this.deflate = deflate;
    this.maxMessageBytes = maxMessageBytes;
    this.decoder = new WebSocketFrameDecoder(deflate != null, maxMessageBytes);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      if (readyPos < ready.length) {
        int n = Math.min(len, ready.length - readyPos);
        System.arraycopy(ready.bytes, readyPos, b, off, n);
        readyPos += n;
        if (readyPos == ready.length) {
          ready.clear();
          readyPos = 0;
          ready.shrinkTo(CHUNK);
        }
        return n;
      }
      if (failure != null) {
        throw failure;
      }
      int n = readRaw(Math.min(len, CHUNK));
      if (n < 0) {
        return -1;
      }
      target = b;
      targetPos = off;
      try {
        decoder.decode(raw, 0, n, this);
      } catch (RuntimeException e) {
        failure = e; // the bytes before the bad frame still count
      } finally {
        target = null;
      }
      if (targetPos > off) {
        return targetPos - off;
      }
    }
  }

  private int readRaw(int max) throws IOException {
    if (leftover != null) {
      int n = Math.min(max, leftover.length - leftoverPos);
      System.arraycopy(leftover, leftoverPos, raw, 0, n);
      leftoverPos += n;
      if (leftoverPos == leftover.length) {
        leftover = null;
      }
      return n;
    }
    return socket.read(raw, 0, max);
  }

  @Override
  public void messageStart(boolean isCompressed) {
    compressing = isCompressed;
    if (isCompressed && compressed == null) {
      compressed = new ByteRun(CHUNK);
    }
  }

  @Override
  public void data(byte[] bytes, int off, int len) {
    if (compressing) {
      compressed.write(bytes, off, len);
    } else if (ready.length == 0 && target != null) {
      System.arraycopy(bytes, off, target, targetPos, len); // fits: see the class comment
      targetPos += len;
    } else {
      ready.write(bytes, off, len); // behind an inflated message: keep the order
    }
  }

  @Override
  public void messageEnd() {
    if (compressing) {
      deflate.inflate(compressed, ready, maxMessageBytes);
      compressed.clear();
      compressed.shrinkTo(CHUNK);
      compressing = false;
    }
  }

  @Override
  public void ping(byte[] payload) {
    try {
      replies.control(WebSocketFrameDecoder.OP_PONG, payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close(int code, String reason) {
    failure = new WebSocketClosedException(code, reason);
    replies.closeQuietly(code == WebSocketClosedException.NO_STATUS ? 1000 : code);
  }
}

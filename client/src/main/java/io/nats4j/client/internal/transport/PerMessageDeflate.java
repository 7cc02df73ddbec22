package io.nats4j.client.internal.transport;

import io.nats4j.client.ProtocolException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The permessage-deflate extension (RFC 7692) with {@code java.util.zip}: raw DEFLATE, each message
 * ending in an empty stored block whose last four bytes ({@code 00 00 FF FF}) are left off the
 * wire.
 *
 * <p>Context takeover: this client always compresses every message on its own (it offers {@code
 * client_no_context_takeover}, which any peer may rely on); it inflates with the window of earlier
 * messages unless the server agreed to {@code server_no_context_takeover}, in which case every
 * message starts from an empty window.
 *
 * <p>Thread-safety: the inflating half belongs to the reader thread, the deflating half to whoever
 * holds the output stream's lock. {@link #close()} frees the native memory.
 */
public final class PerMessageDeflate implements AutoCloseable {
  private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

  private final boolean serverNoContextTakeover;
  private final Inflater inflater = new Inflater(true);
  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
  private final byte[] chunk = new byte[64 * 1024];

  /**
   * Creates the codec of one connection.
   *
   * @param serverNoContextTakeover the server agreed to compress every message on its own
   */
  public PerMessageDeflate(boolean serverNoContextTakeover) {
    this.serverNoContextTakeover = serverNoContextTakeover;
  }

  /**
   * Inflates one whole message.
   *
   * @param compressed the message as received, without the tail
   * @param out where the inflated bytes are appended
   * @param maxBytes the most inflated bytes taken (a small message must not inflate without bound)
   * @throws ProtocolException if the bytes are not DEFLATE or inflate beyond {@code maxBytes}
   */
  void inflate(ByteRun compressed, ByteRun out, long maxBytes) {
    compressed.write(TAIL, 0, TAIL.length);
    inflater.setInput(compressed.bytes, 0, compressed.length);
    long produced = 0;
    try {
      while (true) {
        int n = inflater.inflate(chunk);
        if (n > 0) {
          produced += n;
          if (produced > maxBytes) {
            throw new ProtocolException(
                "WebSocket protocol error: a compressed message inflates beyond "
                    + maxBytes
                    + " bytes, the most this client takes");
          }
          out.write(chunk, 0, n);
        } else if (inflater.needsInput() || inflater.finished()) {
          break;
        } else if (inflater.needsDictionary()) {
          throw new ProtocolException(
              "WebSocket protocol error: compressed message needs a dictionary");
        }
      }
    } catch (DataFormatException e) {
      throw new ProtocolException(
          "WebSocket protocol error: a compressed message is not valid DEFLATE: " + e.getMessage());
    }
    if (serverNoContextTakeover || inflater.finished()) {
      inflater.reset();
    }
  }

  /**
   * Compresses one whole message on its own.
   *
   * @param src the bytes
   * @param off where they start
   * @param len how many
   * @param out where the compressed message (tail removed) is appended
   */
  void deflate(byte[] src, int off, int len, ByteRun out) {
    deflater.setInput(src, off, len);
    int start = out.length;
    while (true) {
      out.ensureSpare(Math.max(1024, len / 2 + 64));
      int room = out.bytes.length - out.length;
      int n = deflater.deflate(out.bytes, out.length, room, Deflater.SYNC_FLUSH);
      out.length += n;
      if (n < room) {
        break; // the sync flush fit: everything is out
      }
    }
    deflater.reset();
    if (out.length - start >= 4) {
      out.length -= 4; // a sync flush always ends in the tail
    }
  }

  @Override
  public void close() {
    inflater.end();
    deflater.end();
  }
}

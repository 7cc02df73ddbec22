package io.nats4j.client.internal.transport;

import io.nats4j.client.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes a server sends after the WebSocket upgrade into payload bytes and control frames
 * (RFC 6455 section 5): a pure state machine, fed any split of the input, that neither reads
 * sockets nor buffers payloads (data is handed on as slices of the input; only a control frame's at
 * most 125 bytes are kept).
 *
 * <p>Everything a server must not send is a {@link ProtocolException} naming the rule: reserved
 * bits without the extension that defines them, an unknown opcode, a masked frame, a 64-bit length
 * with the top bit set, a message longer than the bound, a control frame over 125 bytes or
 * fragmented, a continuation without a message or a new message inside a fragmented one, a close
 * frame with a one-byte body, a code that is not allowed on the wire or a reason that is not UTF-8.
 *
 * <p>Thread-safety: confined to the reader thread.
 */
public final class WebSocketFrameDecoder {

  /** What the decoder found. Calls are made in input order. */
  public interface Handler {
    /**
     * A data message begins.
     *
     * @param compressed RSV1 was set: the message is permessage-deflate compressed
     */
    void messageStart(boolean compressed);

    /**
     * Payload bytes of the current message (a slice of the input: copy before returning).
     *
     * @param bytes the input array
     * @param off where they start
     * @param len how many
     */
    void data(byte[] bytes, int off, int len);

    /** The current message is complete (its last fragment ended). */
    void messageEnd();

    /**
     * A ping: answer with a pong carrying the same payload.
     *
     * @param payload the payload, at most 125 bytes
     */
    void ping(byte[] payload);

    /**
     * A close frame: the server ends the connection.
     *
     * @param code the close code, or 1005 if the frame had none
     * @param reason the reason text, empty if none
     */
    void close(int code, String reason);
  }

  static final int OP_CONTINUATION = 0x0;
  static final int OP_TEXT = 0x1;
  static final int OP_BINARY = 0x2;
  static final int OP_CLOSE = 0x8;
  static final int OP_PING = 0x9;
  static final int OP_PONG = 0xA;

  /** RFC 6455: a control frame's payload is at most 125 bytes. */
  static final int MAX_CONTROL_PAYLOAD = 125;

  private enum State {
    HEADER,
    PAYLOAD
  }

  private final boolean compressionNegotiated;
  private final long maxMessageBytes;

  private State state = State.HEADER;
  private final byte[] header = new byte[14];
  private int headerHave;
  private int headerNeed = 2;

  private int opcode;
  private boolean fin;
  private long remaining; // payload bytes of the current frame still to come
  private boolean inMessage; // a data message started and its final fragment not yet seen
  private long messageBytes; // payload so far of the current data message
  private final byte[] control = new byte[MAX_CONTROL_PAYLOAD];
  private int controlHave;
  private boolean closed; // a close frame came: nothing after it counts

  /**
   * Creates a decoder.
   *
   * @param compressionNegotiated permessage-deflate was agreed: RSV1 is allowed on a message's
   *     first frame
   * @param maxMessageBytes the largest data message (the sum of its fragments, on the wire) taken
   */
  public WebSocketFrameDecoder(boolean compressionNegotiated, long maxMessageBytes) {
    this.compressionNegotiated = compressionNegotiated;
    this.maxMessageBytes = maxMessageBytes;
  }

  /**
   * Decodes bytes.
   *
   * @param bytes the input
   * @param off where to start
   * @param len how many
   * @param handler receives what was found
   * @throws ProtocolException if the server broke a rule of RFC 6455 or RFC 7692
   */
  public void decode(byte[] bytes, int off, int len, Handler handler) {
    int pos = off;
    int end = off + len;
    while (!closed && (pos < end || (state == State.PAYLOAD && remaining == 0))) {
      if (state == State.HEADER) {
        int take = Math.min(headerNeed - headerHave, end - pos);
        System.arraycopy(bytes, pos, header, headerHave, take);
        headerHave += take;
        pos += take;
        if (headerHave == headerNeed && headerComplete(handler)) {
          state = State.PAYLOAD;
        }
      } else {
        int take = (int) Math.min(remaining, end - pos);
        if (isControl(opcode)) {
          System.arraycopy(bytes, pos, control, controlHave, take);
          controlHave += take;
        } else if (take > 0) {
          handler.data(bytes, pos, take);
        }
        pos += take;
        remaining -= take;
        if (remaining == 0) {
          frameComplete(handler);
        }
      }
    }
  }

  /** Parses the header bytes so far; true once the whole header is in and checked. */
  private boolean headerComplete(Handler handler) {
    int b0 = header[0] & 0xFF;
    int b1 = header[1] & 0xFF;
    if (headerHave == 2) {
      if ((b1 & 0x80) != 0) {
        throw error("the server sent a masked frame (servers must not mask, RFC 6455 5.1)");
      }
      int len7 = b1 & 0x7F;
      int extra = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
      if (extra > 0) {
        headerNeed = 2 + extra;
        return false;
      }
    }
    fin = (b0 & 0x80) != 0;
    boolean rsv1 = (b0 & 0x40) != 0;
    opcode = b0 & 0x0F;
    long length = payloadLength(b1 & 0x7F);
    if ((b0 & 0x30) != 0) {
      throw error("the server set RSV2 or RSV3, which no negotiated extension defines");
    }
    if (isControl(opcode)) {
      checkControl(rsv1, length);
    } else if (opcode == OP_CONTINUATION) {
      if (!inMessage) {
        throw error("the server sent a continuation frame without a message to continue");
      }
      if (rsv1) {
        throw error("the server set RSV1 on a continuation frame (RFC 7692 6.1)");
      }
    } else if (opcode == OP_TEXT || opcode == OP_BINARY) {
      if (inMessage) {
        throw error("the server began a new message inside a fragmented one");
      }
      if (rsv1 && !compressionNegotiated) {
        throw error("the server set RSV1 but compression (permessage-deflate) was not negotiated");
      }
      inMessage = true;
      messageBytes = 0;
      handler.messageStart(rsv1);
    } else {
      throw error("the server sent a frame with unknown opcode 0x" + Integer.toHexString(opcode));
    }
    if (!isControl(opcode)) {
      messageBytes += length;
      if (messageBytes > maxMessageBytes) {
        throw error(
            "the server sent a message of more than "
                + maxMessageBytes
                + " bytes, the most this client takes");
      }
    }
    remaining = length;
    controlHave = 0;
    headerHave = 0;
    headerNeed = 2;
    return true;
  }

  private long payloadLength(int len7) {
    if (len7 < 126) {
      return len7;
    }
    if (len7 == 126) {
      return ((header[2] & 0xFFL) << 8) | (header[3] & 0xFFL);
    }
    if ((header[2] & 0x80) != 0) {
      throw error("the server sent a frame length over 2^63 (the top bit must be 0)");
    }
    long length = 0;
    for (int i = 2; i < 10; i++) {
      length = (length << 8) | (header[i] & 0xFFL);
    }
    return length;
  }

  private void checkControl(boolean rsv1, long length) {
    if (rsv1) {
      throw error("the server set RSV1 on a control frame");
    }
    if (length > MAX_CONTROL_PAYLOAD) {
      throw error(
          "the server sent a control frame of "
              + length
              + " bytes; at most 125 are allowed (RFC 6455 5.5)");
    }
    if (!fin) {
      throw error("the server fragmented a control frame (RFC 6455 5.5)");
    }
  }

  private void frameComplete(Handler handler) {
    state = State.HEADER;
    if (opcode == OP_PING) {
      handler.ping(java.util.Arrays.copyOf(control, controlHave));
    } else if (opcode == OP_CLOSE) {
      closeFrame(handler);
    } else if (opcode != OP_PONG && fin) {
      inMessage = false;
      handler.messageEnd();
    }
  }

  private void closeFrame(Handler handler) {
    closed = true;
    if (controlHave == 0) {
      handler.close(1005, "");
      return;
    }
    if (controlHave == 1) {
      throw error("the server sent a close frame with a one-byte body (a code takes two)");
    }
    int code = ((control[0] & 0xFF) << 8) | (control[1] & 0xFF);
    if (!validCloseCode(code)) {
      throw error("the server sent close code " + code + ", which is not allowed on the wire");
    }
    String reason;
    try {
      reason =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(control, 2, controlHave - 2))
              .toString();
    } catch (CharacterCodingException e) {
      throw error("the server sent close code " + code + " with a reason that is not UTF-8");
    }
    handler.close(code, reason);
  }

  /** RFC 6455 7.4: codes a peer may send; 1005, 1006 and 1015 are only reported locally. */
  static boolean validCloseCode(int code) {
    return (code >= 1000 && code <= 1003)
        || (code >= 1007 && code <= 1014)
        || (code >= 3000 && code <= 4999);
  }

  private static boolean isControl(int opcode) {
    return (opcode & 0x8) != 0 && opcode <= OP_PONG;
  }

  private static ProtocolException error(String message) {
    return new ProtocolException("WebSocket protocol error: " + message);
  }
}

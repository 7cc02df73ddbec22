package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A scripted WebSocket server sends what nats-server never does; the client must report a protocol
 * error naming it, then reconnect as usual (the second connection behaves), never hang.
 */
class WebSocketBadServerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  record Case(String name, byte[] frame, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    return List.of(
        new Case("RSV1 without compression", bytes(0xC2, 1, 'x'), "RSV1 but compression"),
        new Case("RSV2", bytes(0xA2, 1, 'x'), "RSV2 or RSV3"),
        new Case("unknown opcode", bytes(0x83, 1, 'x'), "unknown opcode 0x3"),
        new Case("masked frame", bytes(0x82, 0x81, 1, 2, 3, 4, 'x'), "masked frame"),
        new Case("length over 2^63", bytes(0x82, 127, 0x80, 0, 0, 0, 0, 0, 0, 1), "over 2^63"),
        new Case(
            "length over the bound",
            bytes(0x82, 127, 0, 0, 0, 1, 0, 0, 0, 0),
            "more than 134217728 bytes"),
        new Case("control frame over 125", controlOf(126), "control frame of 126 bytes"),
        new Case("close code 1005", bytes(0x88, 2, 0x03, 0xED), "close code 1005"),
        new Case("close reason not UTF-8", bytes(0x88, 4, 0x03, 0xE8, 0xC3, 0x28), "not UTF-8"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aBadFrameIsAProtocolErrorThenTheClientReconnects(Case c) throws Exception {
    try (FakeWebSocketServer fake = new FakeWebSocketServer(c.frame())) {
      RecordingListener events = new RecordingListener();
      try (Connection nc =
          Nats.connect(
              Options.builder()
                  .server("ws://127.0.0.1:" + fake.port())
                  .connectionListener(events)
                  .reconnect(
                      ReconnectOptions.builder()
                          .maxAttempts(-1)
                          .waitTime(Duration.ofMillis(20))
                          .build())
                  .build())) {
        try {
          nc.flush(WAIT); // the second PING: the fake answers, then misbehaves
        } catch (NatsException lostBeforeThePong) {
          // the bad frame may end the connection before the flush returns
        }
        ConnectionEvent.Disconnected lost = events.await(ConnectionEvent.Disconnected.class, WAIT);
        ProtocolException error = assertInstanceOf(ProtocolException.class, lost.cause());
        assertTrue(error.getMessage().contains(c.expected()), error.getMessage());
        assertTrue(error.getMessage().startsWith("WebSocket protocol error"), error.getMessage());
        events.await(ConnectionEvent.Reconnected.class, WAIT);
        nc.flush(WAIT); // the second connection answers PING
        assertEquals(ConnectionStatus.CONNECTED, nc.status());
        assertEquals(2, fake.connections.get());
      }
    }
  }

  private static byte[] controlOf(int length) {
    byte[] frame = new byte[4 + length];
    frame[0] = (byte) 0x89;
    frame[1] = 126;
    frame[2] = (byte) (length >>> 8);
    frame[3] = (byte) length;
    return frame;
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  /**
   * Upgrades every connection, sends INFO, answers every PING; on the first connection it sends the
   * bad frame right after the PONG to the second PING (the first one is the handshake's).
   */
  static final class FakeWebSocketServer implements AutoCloseable {
    final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket listener;
    private final byte[] bad;
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread acceptor;

    FakeWebSocketServer(byte[] bad) throws IOException {
      this.bad = bad;
      listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
      acceptor = new Thread(this::accept, "fake-ws-acceptor");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    private void accept() {
      try {
        while (true) {
          Socket s = listener.accept();
          synchronized (sockets) {
            sockets.add(s);
          }
          int n = connections.incrementAndGet();
          Thread t = new Thread(() -> serve(s, n == 1), "fake-ws-" + n);
          t.setDaemon(true);
          t.start();
        }
      } catch (IOException closed) {
        // the test is over
      }
    }

    private void serve(Socket s, boolean misbehave) {
      try (s) {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        String key = null;
        for (String line : readHead(in).split("\r\n")) {
          if (line.toLowerCase().startsWith("sec-websocket-key:")) {
            key = line.substring(line.indexOf(':') + 1).trim();
          }
        }
        String accept =
            Base64.getEncoder()
                .encodeToString(
                    MessageDigest.getInstance("SHA-1")
                        .digest(
                            (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                                .getBytes(StandardCharsets.US_ASCII)));
        out.write(
            ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: "
                    + accept
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        send(
            out,
            "INFO {\"server_id\":\"fake\",\"version\":\"2.10.0\",\"proto\":1,\"headers\":true,"
                + "\"max_payload\":1048576}\r\n");
        StringBuilder received = new StringBuilder();
        int pings = 0;
        while (true) {
          String payload = readClientFrame(in);
          if (payload == null) {
            return;
          }
          received.append(payload);
          int ping;
          while ((ping = received.indexOf("PING\r\n")) >= 0) {
            received.delete(0, ping + 6);
            send(out, "PONG\r\n");
            if (misbehave && ++pings == 2) { // after the handshake: the client is connected
              out.write(bad);
              out.flush();
            }
          }
        }
      } catch (Exception e) {
        // the client went away
      }
    }

    private static void send(OutputStream out, String text) throws IOException {
      byte[] p = text.getBytes(StandardCharsets.US_ASCII);
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      frame.write(0x82);
      if (p.length < 126) {
        frame.write(p.length);
      } else {
        frame.write(126);
        frame.write(p.length >>> 8);
        frame.write(p.length);
      }
      frame.writeBytes(p);
      out.write(frame.toByteArray());
      out.flush();
    }

    /** One masked client frame's payload as text, or null at EOF or a close frame. */
    private static String readClientFrame(InputStream in) throws IOException {
      int b0 = in.read();
      int b1 = in.read();
      if (b0 < 0 || b1 < 0 || (b0 & 0x0F) == 0x8) {
        return null;
      }
      long len = b1 & 0x7F;
      if (len == 126) {
        len = (in.read() << 8) | in.read();
      } else if (len == 127) {
        len = 0;
        for (int i = 0; i < 8; i++) {
          len = (len << 8) | in.read();
        }
      }
      byte[] key = in.readNBytes(4);
      byte[] payload = in.readNBytes((int) len);
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= key[i & 3];
      }
      return new String(payload, StandardCharsets.ISO_8859_1);
    }

    private static String readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int state = 0;
      while (state < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("EOF in the request head");
        }
        head.write(b);
        state =
            (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                ? state + 1
                : (b == '\r' ? 1 : 0);
      }
      return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      listener.close();
      synchronized (sockets) {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }
}

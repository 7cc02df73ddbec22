package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The server forwards the header block of an {@code HPUB} as it got it, so another client can make
 * it deliver a malformed one. Such a message is not delivered as if it were valid: it is reported
 * as a protocol error when it arrives, and the connection stays up.
 */
@NatsServerTest
class MalformedHeadersIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final NatsServer server;

  MalformedHeadersIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  /** Publishes raw protocol, the way a broken client would, and waits for the server's PONG. */
  private void publishRaw(String protocol) throws IOException {
    try (Socket socket = new Socket(server.host(), server.port())) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      out.write(
          ("CONNECT {\"verbose\":false,\"headers\":true,\"protocol\":1}\r\n"
                  + protocol
                  + "PING\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      StringBuilder seen = new StringBuilder();
      byte[] buf = new byte[4096];
      while (!seen.toString().contains("PONG")) {
        int n = in.read(buf);
        if (n < 0) {
          throw new IOException("server closed the raw publisher: " + seen);
        }
        seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
      }
    }
  }

  private static String hpub(String subject, String headerBlock, String payload) {
    return "HPUB "
        + subject
        + " "
        + headerBlock.length()
        + " "
        + (headerBlock.length() + payload.length())
        + "\r\n"
        + headerBlock
        + payload
        + "\r\n";
  }

  @Test
  void malformedHeaderBlocksAreReportedOnArrivalAndNotDelivered() throws IOException {
    List<AsyncError> errors = new CopyOnWriteArrayList<>();
    try (Connection nc =
        Nats.connect(
            Options.builder().server(server.clientUrl()).errorListener(errors::add).build())) {
      Subscription sub = nc.subscribe("bad");
      nc.flush(WAIT);
      publishRaw(
          hpub("bad", "NATS/1.0", "no-crlf-after-version")
              + hpub("bad", "NATS/1.0\r\nK: v\r\n", "no-blank-line")
              + hpub("bad", "NATS/1.0\r\nno colon here\r\n\r\n", "line-without-colon")
              + hpub("bad", "NATS/1.0\r\n\r\ntrailing", "bytes-after-the-block")
              + hpub("bad", "NATS/1.0\r\nK: v\r\n\r\n", "valid"));
      Message m = sub.next(WAIT);
      assertEquals("valid", new String(m.data(), StandardCharsets.UTF_8));
      assertEquals("v", m.headers().first("K"));
      nc.flush(WAIT);
      assertEquals(ConnectionStatus.CONNECTED, nc.status());
      // reported as they arrived, before the valid message: no need to wait for the events thread
      // beyond the flush, which completes after everything before its PONG was handled
      Await.until(() -> errors.size() >= 4, WAIT, "four malformed messages reported: " + errors);
      assertEquals(4, errors.size(), errors.toString());
      List<String> problems = new ArrayList<>();
      for (AsyncError e : errors) {
        AsyncError.MalformedMessage malformed =
            assertInstanceOf(AsyncError.MalformedMessage.class, e);
        assertSame(sub, malformed.subscription());
        assertEquals("bad", malformed.subject());
        problems.add(malformed.error().getMessage());
      }
      assertTrue(problems.get(0).contains("version line does not end in CRLF"), problems.get(0));
      assertTrue(problems.get(1).contains("do not end with a blank line"), problems.get(1));
      assertTrue(problems.get(2).contains("has no key"), problems.get(2));
      assertTrue(problems.get(3).contains("after the blank line"), problems.get(3));
      assertEquals(4, sub.droppedMessages());
    }
  }
}

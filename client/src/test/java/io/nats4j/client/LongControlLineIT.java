package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The server limits the arguments of a client's {@code PUB}/{@code HPUB} to its {@code
 * max_control_line} (4096 bytes); the {@code MSG}/{@code HMSG} it delivers adds the op and the sid,
 * so it is longer. A client must read what the server legitimately sends.
 */
@NatsServerTest
class LongControlLineIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int SERVER_MAX_CONTROL_LINE = 4096;

  private final NatsServer server;

  LongControlLineIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  /** A subject and a reply whose PUB arguments are exactly the server's limit. */
  private static String[] subjectAndReplyFilling(int otherArgsLength) {
    String subject = "long." + "s".repeat(2_600);
    int replyLength = SERVER_MAX_CONTROL_LINE - subject.length() - 2 - otherArgsLength;
    String reply = "r." + "r".repeat(replyLength - 2);
    return new String[] {subject, reply};
  }

  @Test
  void receivesAMessageWhosePublishWasAtTheServersControlLineLimit() {
    byte[] data = {'x'};
    String[] sr = subjectAndReplyFilling(String.valueOf(data.length).length());
    String pubArgs = sr[0] + " " + sr[1] + " " + data.length;
    assertEquals(SERVER_MAX_CONTROL_LINE, pubArgs.length(), "the PUB is at the server's limit");
    RecordingListener events = new RecordingListener();
    try (Connection nc =
        Nats.connect(
            Options.builder().server(server.clientUrl()).connectionListener(events).build())) {
      Subscription sub = nc.subscribe(sr[0]);
      nc.publish(sr[0], sr[1], data);
      Message m = sub.next(WAIT);
      assertEquals(sr[0], m.subject());
      assertEquals(sr[1], m.replyTo());
      assertEquals("x", new String(m.data()));
      nc.flush(WAIT);
      assertEquals(ConnectionStatus.CONNECTED, nc.status());
      assertEquals(0, events.count(ConnectionEvent.Disconnected.class), events.types().toString());
    }
  }

  @Test
  void receivesAMessageWithHeadersWhoseHpubWasAtTheServersControlLineLimit() {
    byte[] data = {'y'};
    Headers headers = new Headers().add("K", "v");
    int headerBytes = "NATS/1.0\r\nK: v\r\n\r\n".length();
    String sizes = headerBytes + " " + (headerBytes + data.length);
    String[] sr = subjectAndReplyFilling(sizes.length());
    assertEquals(
        SERVER_MAX_CONTROL_LINE,
        (sr[0] + " " + sr[1] + " " + sizes).length(),
        "the HPUB is at the server's limit");
    RecordingListener events = new RecordingListener();
    try (Connection nc =
        Nats.connect(
            Options.builder().server(server.clientUrl()).connectionListener(events).build())) {
      Subscription sub = nc.subscribe(sr[0]);
      nc.publish(sr[0], sr[1], headers, data);
      Message m = sub.next(WAIT);
      assertEquals(sr[1], m.replyTo());
      assertEquals("v", m.headers().first("K"));
      nc.flush(WAIT);
      assertEquals(0, events.count(ConnectionEvent.Disconnected.class), events.types().toString());
    }
  }
}

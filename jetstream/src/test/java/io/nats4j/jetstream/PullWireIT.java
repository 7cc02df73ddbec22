package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.NatsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a pull sees of the wire, against the real server: messages still in flight when a fetch
 * expires (a slow link, made by a proxy that holds the server's bytes back), and the byte count of
 * messages as the server counts them for {@code max_bytes}.
 */
class PullWireIT extends StreamTestBase {

  PullWireIT(NatsServer server) {
    super(server, "WIRE");
  }

  @BeforeEach
  void createMemoryStream() {
    createStream(StorageType.MEMORY);
  }

  private ConsumerContext durable(String name) {
    js.consumers()
        .create(
            stream,
            ConsumerConfig.builder().durableName(name).ackPolicy(AckPolicy.EXPLICIT).build());
    return js.consumer(stream, name);
  }

  @Test
  void fetchStillTakesTheMessagesThatArriveWithinASecondAfterItsExpiry() throws Exception {
    ConsumerContext admin = durable("slow");
    try (GateProxy proxy = new GateProxy(server.host(), server.port());
        Connection slow = Nats.connect(proxy.url());
        JetStream sjs = JetStream.of(slow)) {
      ConsumerContext c = sjs.consumer(stream, "slow");
      long start = System.nanoTime();
      CompletableFuture<FetchResult> fetch =
          CompletableFuture.supplyAsync(
              () ->
                  c.fetch(
                      FetchOptions.builder()
                          .maxMessages(1)
                          .expiresIn(Duration.ofSeconds(1))
                          .build()));
      Await.until(() -> admin.info().numWaiting() > 0, "the pull waits at the server");
      long atServer = System.nanoTime();
      // the link slows down: what the server sends from now on is in flight
      proxy.hold();
      publishNumbers("job", 1, 1);
      Await.until(() -> admin.info().numAckPending() == 1, "the server sent the message");
      // 1.3 s after the pull reached the server the expiry (1 s) and a 200 ms grace are over;
      // the message lands now, well within a 1 s grace
      long releaseAt = atServer + TimeUnit.MILLISECONDS.toNanos(1300);
      long wait = releaseAt - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait); // the link's delay, not a wait for an event
      }
      proxy.release();
      FetchResult r = fetch.get(10, TimeUnit.SECONDS);
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(
          TimeUnit.NANOSECONDS.toMillis(atServer - start) < 700,
          "the setup was fast enough to tell the graces apart");
      assertEquals(1, r.size(), "the message in flight at the expiry is taken (" + took + " ms)");
      assertEquals("1", r.messages().get(0).dataAsString());
      r.messages().get(0).ack();
    }
  }

  @Test
  void aMessageCountsTheBytesTheServerCountsNotCharactersOrRebuiltHeaders() throws IOException {
    durable("bytes");
    // a non-ASCII subject and headers written without the space after the colon
    byte[] subjectBytes = subject("prüfung.€.😀").getBytes(StandardCharsets.UTF_8);
    byte[] header =
        "NATS/1.0\r\nA:1\r\nTrace:abc\r\nTrace:def\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] payload = "payload".getBytes(StandardCharsets.US_ASCII);
    rawPublish(subjectBytes, header, payload);
    Await.until(() -> js.streams().info(stream).state().messages() == 1, "stored");

    FetchResult r =
        js.consumer(stream, "bytes")
            .fetch(FetchOptions.builder().maxMessages(1).expiresIn(Duration.ofSeconds(2)).build());
    assertEquals(1, r.size());
    JsMessage m = r.messages().get(0);
    assertEquals("1", m.headers().first("A"));
    long wire =
        subjectBytes.length
            + m.replyTo().getBytes(StandardCharsets.UTF_8).length
            + header.length
            + payload.length;
    assertEquals(wire, r.bytes(), "subject, reply, header block and payload as on the wire");
    m.ack();
  }

  /** Publishes one message over a plain socket, its header block exactly as given. */
  private void rawPublish(byte[] subject, byte[] header, byte[] payload) throws IOException {
    try (Socket s = new Socket(server.host(), server.port())) {
      s.setSoTimeout(10_000);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      readLine(in); // INFO
      ByteArrayOutputStream cmd = new ByteArrayOutputStream();
      cmd.writeBytes(
          "CONNECT {\"verbose\":false,\"pedantic\":false,\"headers\":true,\"protocol\":1}\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      cmd.writeBytes("HPUB ".getBytes(StandardCharsets.US_ASCII));
      cmd.writeBytes(subject);
      cmd.writeBytes(
          (" " + header.length + " " + (header.length + payload.length) + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      cmd.writeBytes(header);
      cmd.writeBytes(payload);
      cmd.writeBytes("\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.write(cmd.toByteArray());
      out.flush();
      String line;
      do {
        line = readLine(in);
        assertTrue(!line.startsWith("-ERR"), line);
      } while (!line.startsWith("PONG"));
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8).trim();
  }
}

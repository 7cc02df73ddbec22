package io.nats4j.client.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.BufferFullException;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.internal.protocol.GrowableBuffer;
import io.nats4j.client.internal.protocol.ProtocolWriter;
import io.nats4j.client.internal.threads.ThreadSource;
import io.nats4j.client.internal.transport.Transport;
import io.nats4j.testkit.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound buffer and its writer over a loopback socket pair (no NATS server involved). */
class OutboundTest {
  private static final byte[] SUBJECT = "s".getBytes(StandardCharsets.US_ASCII);

  private ServerSocket listener;
  private Socket client;
  private Socket peer;
  private Transport transport;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  @BeforeEach
  void connect() throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    peer = listener.accept();
    transport = new Transport(client);
  }

  @AfterEach
  void close() throws IOException {
    client.close();
    peer.close();
    listener.close();
  }

  private Outbound outbound(int reconnectBuffer) {
    return new Outbound(64 * 1024, TimeUnit.MILLISECONDS.toNanos(100), reconnectBuffer, 2);
  }

  private OutboundWriter attach(Outbound out, GrowableBuffer preamble) throws IOException {
    OutboundWriter writer =
        new OutboundWriter(
            out, transport.out(), ThreadSource.platform(), "nats4j-test-writer", failure::set);
    out.attach(writer, preamble);
    return writer;
  }

  private String readPeer(int bytes) throws IOException {
    InputStream in = peer.getInputStream();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (got.size() < bytes) {
      int n = in.read(buf, 0, Math.min(buf.length, bytes - got.size()));
      if (n < 0) {
        break;
      }
      got.write(buf, 0, n);
    }
    return got.toString(StandardCharsets.US_ASCII);
  }

  @Test
  void publishesAreWrittenInOrder() throws Exception {
    Outbound out = outbound(0);
    attach(out, null);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      byte[] data = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
      out.publish(SUBJECT, null, null, data);
      expected.append("PUB s ").append(data.length).append("\r\n").append(i).append("\r\n");
    }
    assertEquals(expected.toString(), readPeer(expected.length()));
    assertEquals(1000, out.counters()[0]);
    join(out.close());
  }

  @Test
  void publishesHeldByADispatcherThreadAreWrittenEvenIfItNeverReleases() throws Exception {
    peer.setSoTimeout(5_000); // a stranded publish fails the read instead of hanging
    Outbound out = outbound(0);
    attach(out, null);
    WakeDeferral.hold(); // as a dispatcher whose handler acks, then blocks for good
    try {
      for (int i = 0; i < 3; i++) {
        // the first may land in the writer's linger after attach (held back, written when the
        // linger ends); the later ones find it parked for good and must wake it at once
        out.publishHoldable(SUBJECT, new byte[] {(byte) ('a' + i)});
        assertEquals("PUB s 1\r\n" + (char) ('a' + i) + "\r\n", readPeer(12));
      }
    } finally {
      WakeDeferral.release();
    }
    join(out.close());
  }

  @Test
  void aHeldWakeUpIsGivenAtTheEndOfTheBatch() throws Exception {
    peer.setSoTimeout(5_000);
    Outbound out = outbound(0);
    attach(out, null);
    out.publish(SUBJECT, null, null, new byte[] {'x'});
    assertEquals("PUB s 1\r\nx\r\n", readPeer(12)); // the writer lingers after this write
    WakeDeferral.hold();
    out.publishHoldable(SUBJECT, new byte[] {'y'});
    out.publishHoldable(SUBJECT, new byte[] {'z'});
    WakeDeferral.release();
    assertEquals("PUB s 1\r\ny\r\nPUB s 1\r\nz\r\n", readPeer(24));
    join(out.close());
  }

  @Test
  void acksOfFetchedMessagesDoNotWakeALingeringWriterTheNextPublishTakesThem() throws Exception {
    peer.setSoTimeout(5_000);
    // a linger of a minute holds the writer still between the write and the next wake-up
    Outbound out =
        new Outbound(
            64 * 1024, TimeUnit.MILLISECONDS.toNanos(100), 0, 2, TimeUnit.MINUTES.toNanos(1));
    attach(out, null);
    out.publish(SUBJECT, null, null, new byte[] {'x'});
    assertEquals("PUB s 1\r\nx\r\n", readPeer(12));
    Await.until(out::writerLingeringForTest, "the writer lingers after its write");
    long wakeUps = out.wakeUpsForTest();
    out.publishLingering(SUBJECT, new byte[] {'y'}); // from a thread that runs no dispatcher
    out.publishLingering(SUBJECT, new byte[] {'z'});
    assertEquals(wakeUps, out.wakeUpsForTest(), "acks of fetched messages woke the writer");
    out.publish(SUBJECT, null, null, new byte[] {'w'}); // the next pull request
    assertEquals("PUB s 1\r\ny\r\nPUB s 1\r\nz\r\nPUB s 1\r\nw\r\n", readPeer(36));
    assertEquals(wakeUps + 1, out.wakeUpsForTest());
    join(out.close());
  }

  @Test
  void anAckOfAFetchedMessageIsWrittenWhenTheLingerEndsOrAtOnceToAWriterParkedForGood()
      throws Exception {
    peer.setSoTimeout(5_000); // a stranded ack fails the read instead of hanging
    Outbound out = outbound(0);
    attach(out, null);
    for (int i = 0; i < 3; i++) {
      // the first may land in the writer's linger after attach (written when it ends); the later
      // ones find the writer parked for good and wake it
      out.publishLingering(SUBJECT, new byte[] {(byte) ('a' + i)});
      assertEquals("PUB s 1\r\n" + (char) ('a' + i) + "\r\n", readPeer(12));
    }
    join(out.close());
  }

  @Test
  void whileDetachedPublishesFillTheReconnectBufferThenFail() {
    Outbound out = outbound(100);
    out.publish(SUBJECT, null, null, new byte[10]);
    BufferFullException e =
        assertThrows(
            BufferFullException.class, () -> out.publish(SUBJECT, null, null, new byte[100]));
    assertTrue(e.getMessage().contains("reconnect buffer"), e.getMessage());
  }

  @Test
  void zeroReconnectBufferFailsFast() {
    Outbound out = outbound(0);
    assertThrows(BufferFullException.class, () -> out.publish(SUBJECT, null, null, new byte[1]));
  }

  @Test
  void preambleGoesBeforeBytesBufferedWhileDetached() throws Exception {
    Outbound out = outbound(1024);
    out.publish(SUBJECT, null, null, "buffered".getBytes(StandardCharsets.US_ASCII));
    GrowableBuffer preamble = new GrowableBuffer(64);
    ProtocolWriter.sub(preamble, "s", null, 1);
    attach(out, preamble);
    String expected = "SUB s 1\r\nPUB s 8\r\nbuffered\r\n";
    assertEquals(expected, readPeer(expected.length()));
    join(out.close());
  }

  @Test
  void aPublisherBlockedOnAFullBufferFailsAfterTheTimeout() throws Exception {
    Outbound out = outbound(0);
    attach(out, null);
    byte[] kib = new byte[1024];
    // the peer never reads: socket buffers fill, the writer blocks, the outbound buffer fills
    BufferFullException e =
        assertThrows(
            BufferFullException.class,
            () -> {
              for (int i = 0; i < 1_000_000; i++) {
                out.publish(SUBJECT, null, null, kib);
              }
            });
    assertTrue(e.getMessage().contains("cannot keep up"), e.getMessage());
    Thread writer = out.close();
    client.close();
    join(writer);
    assertThrows(ConnectionClosedException.class, () -> out.publish(SUBJECT, null, null, kib));
  }

  @Test
  void pingFutureCompletesOnPongInOrder() throws Exception {
    Outbound out = outbound(0);
    attach(out, null);
    CompletableFuture<Void> first = out.ping();
    CompletableFuture<Void> second = out.ping();
    assertEquals("PING\r\nPING\r\n", readPeer(12));
    out.onPong();
    assertTrue(first.isDone());
    assertTrue(!second.isDone());
    out.onPong();
    assertTrue(second.isDone());
    join(out.close());
  }

  @Test
  void aPingWhileDetachedGoesOutAfterTheBufferedBytesOnAttach() throws Exception {
    Outbound out = outbound(1024);
    out.publish(SUBJECT, null, null, "a".getBytes(StandardCharsets.US_ASCII));
    CompletableFuture<Void> flushed = out.ping();
    assertTrue(!flushed.isDone());
    attach(out, null);
    String expected = "PUB s 1\r\na\r\nPING\r\n";
    assertEquals(expected, readPeer(expected.length()));
    out.onPong();
    assertTrue(flushed.isDone());
    join(out.close());
  }

  @Test
  void detachDropsTheControlOpsOfTheLostTransportAndKeepsItsMessages() throws Exception {
    Outbound out = outbound(1024 * 1024);
    GrowableBuffer preamble = new GrowableBuffer(64);
    ProtocolWriter.sub(preamble, "s", null, 1);
    // a peer that never reads, so nothing is handed over before detach... except what the
    // writer takes at once: stop it by detaching before it can run (the thread is not started
    // until attach, and awaitWork checks the writer first)
    out.publish(SUBJECT, null, null, "m1".getBytes(StandardCharsets.US_ASCII));
    OutboundWriter writer = attach(out, preamble);
    join(out.detach(new IOException("lost")));
    long lostUpTo = out.lostUpTo();
    // whatever the writer took went to the lost socket; what it did not take stays
    out.write(buf -> ProtocolWriter.unsub(buf, 1, 5)); // detached: dropped
    out.publish(SUBJECT, null, null, "m2".getBytes(StandardCharsets.US_ASCII));
    CompletableFuture<Void> flushed = out.ping();
    Socket client2 = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    Socket peer2 = listener.accept();
    try {
      out.attach(
          new OutboundWriter(
              out,
              client2.getOutputStream(),
              ThreadSource.platform(),
              "nats4j-test-writer",
              failure::set),
          null);
      String expected = (lostUpTo == 0 ? "PUB s 2\r\nm1\r\n" : "") + "PUB s 2\r\nm2\r\nPING\r\n";
      assertEquals(expected, read(peer2, expected.length()));
      out.onPong();
      assertTrue(flushed.isDone());
      assertTrue(writer.thread().getState() == Thread.State.TERMINATED);
      join(out.close());
    } finally {
      client2.close();
      peer2.close();
    }
  }

  @Test
  void unwrittenControlOpsAreRemovedAndUnhandedMessagesCountAsNotLost() throws Exception {
    Outbound out = new Outbound(256 * 1024, TimeUnit.MILLISECONDS.toNanos(100), 1 << 20, 2);
    attach(out, null);
    byte[] kib = new byte[1024];
    // the peer never reads: the writer blocks in a write and the buffer stays full
    long lastAccepted = 0;
    while (true) {
      try {
        lastAccepted = out.publish(SUBJECT, null, null, kib);
      } catch (BufferFullException stuck) {
        break;
      }
    }
    CompletableFuture<Void> ping = out.ping();
    out.write(buf -> ProtocolWriter.unsub(buf, 7, 3));
    int pending = out.pendingBytesForTest();
    out.detach(new IOException("lost"));
    client.close(); // ends the old writer
    assertTrue(ping.isCompletedExceptionally());
    assertTrue(out.lostUpTo() > 0, "the writer took messages before it blocked");
    assertTrue(out.lostUpTo() < lastAccepted, "the last message was never handed over");
    assertEquals(pending - "PING\r\nUNSUB 7 3\r\n".length(), out.pendingBytesForTest());
    Socket client2 = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    Socket peer2 = listener.accept();
    try {
      out.attach(
          new OutboundWriter(
              out,
              client2.getOutputStream(),
              ThreadSource.platform(),
              "nats4j-test-writer",
              failure::set),
          null);
      String sent = read(peer2, pending - "PING\r\nUNSUB 7 3\r\n".length());
      assertTrue(!sent.contains("PING") && !sent.contains("UNSUB"), "no stale control op");
      assertTrue(sent.startsWith("PUB s 1024\r\n"), sent.substring(0, 20));
      join(out.close());
    } finally {
      client2.close();
      peer2.close();
    }
  }

  private static String read(Socket s, int bytes) throws IOException {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (got.size() < bytes) {
      int n = in.read(buf, 0, Math.min(buf.length, bytes - got.size()));
      if (n < 0) {
        break;
      }
      got.write(buf, 0, n);
    }
    return got.toString(StandardCharsets.US_ASCII);
  }

  @Test
  void closeFailsDeferredPings() {
    Outbound out = outbound(1024);
    CompletableFuture<Void> flushed = out.ping();
    out.close();
    out.failWaiters(new ConnectionClosedException("closed"));
    assertTrue(flushed.isCompletedExceptionally());
  }

  private static void join(Thread thread) throws InterruptedException {
    if (thread != null) {
      thread.join(5_000);
      assertTrue(!thread.isAlive());
    }
  }
}

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

  /**
   * The socket's output as the writer and callers see it: records which thread wrote what, and can
   * hold a chosen thread inside its write (a slow socket) or fail it.
   */
  private final class WatchedOutput extends java.io.OutputStream {
    final java.util.List<String> writers = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile Thread holdThread;
    final java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
    final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    volatile Thread failThread;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Thread t = Thread.currentThread();
      if (t == failThread) {
        throw new IOException("broken pipe (test)");
      }
      if (t == holdThread) {
        held.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
      }
      writers.add(t.getName());
      transport.out().write(b, off, len);
    }
  }

  private OutboundWriter attachIdle(Outbound out, java.io.OutputStream stream) {
    OutboundWriter writer =
        new OutboundWriter(
            out, stream, ThreadSource.platform(), "nats4j-test-writer", failure::set);
    out.attach(writer, null);
    io.nats4j.testkit.Await.until(out::writerIdleForTest, "the writer parks for good");
    return writer;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aRequestIsWrittenByItsCallerWhileTheWriterIsIdle() throws Exception {
    peer.setSoTimeout(5_000);
    Outbound out = outbound(0);
    WatchedOutput stream = new WatchedOutput();
    attachIdle(out, stream);
    assertEquals(1, out.publishNow(SUBJECT, ascii("r.1"), null, ascii("q")));
    assertEquals("PUB s r.1 1\r\nq\r\n", readPeer(16));
    assertEquals(java.util.List.of(Thread.currentThread().getName()), stream.writers);
    assertTrue(out.writerIdleForTest(), "the writer was not woken");
    join(out.close());
    assertEquals(null, failure.get());
  }

  /**
   * Starts "caller-1" writing request "r.1" (payload "1") itself and returns it once it is held
   * inside that socket write.
   */
  private static Thread startCallerHeldInItsWrite(Outbound out, WatchedOutput stream)
      throws InterruptedException {
    Thread caller =
        new Thread(() -> out.publishNow(SUBJECT, ascii("r.1"), null, ascii("1")), "caller-1");
    stream.holdThread = caller;
    caller.start();
    assertTrue(stream.held.await(5, TimeUnit.SECONDS), "the caller writes the request itself");
    return caller;
  }

  @Test
  void whatIsBufferedDuringACallersWriteGoesAfterIt() throws Exception {
    peer.setSoTimeout(5_000);
    Outbound out = outbound(0);
    WatchedOutput stream = new WatchedOutput();
    attachIdle(out, stream);
    Thread caller = startCallerHeldInItsWrite(out, stream);
    // while it is inside its write: a second request (the writer looks idle, nothing is
    // buffered: it must still wait its turn), then a publish
    Thread second =
        new Thread(() -> out.publishNow(SUBJECT, ascii("r.2"), null, ascii("2")), "caller-2");
    second.start();
    second.join(5_000);
    out.publish(SUBJECT, null, null, ascii("3"));
    assertTrue(stream.writers.isEmpty(), "nothing was written beside the held write");
    stream.release.countDown();
    String expected = "PUB s r.1 1\r\n1\r\nPUB s r.2 1\r\n2\r\nPUB s 1\r\n3\r\n";
    assertEquals(expected, readPeer(expected.length()));
    caller.join(5_000);
    assertEquals("caller-1", stream.writers.get(0));
    assertTrue(
        stream.writers.subList(1, stream.writers.size()).stream()
            .allMatch("nats4j-test-writer"::equals),
        "the writer sent the rest: " + stream.writers);
    join(out.close());
  }

  @Test
  void closeSendsWhatWasBufferedAfterACallersWrite() throws Exception {
    peer.setSoTimeout(5_000);
    Outbound out = outbound(0);
    WatchedOutput stream = new WatchedOutput();
    attachIdle(out, stream);
    Thread caller = startCallerHeldInItsWrite(out, stream);
    out.publish(SUBJECT, null, null, ascii("2"));
    Thread writerThread = out.close();
    stream.release.countDown();
    String expected = "PUB s r.1 1\r\n1\r\nPUB s 1\r\n2\r\n";
    assertEquals(expected, readPeer(expected.length()));
    join(writerThread);
    caller.join(5_000);
  }

  @Test
  void aCallersFailedWriteIsReportedByTheWriterAsALostTransport() throws Exception {
    Outbound out = outbound(0);
    WatchedOutput stream = new WatchedOutput();
    OutboundWriter writer = attachIdle(out, stream);
    stream.failThread = Thread.currentThread();
    out.publishNow(SUBJECT, ascii("r.1"), null, ascii("q")); // the caller learns nothing here
    io.nats4j.testkit.Await.until(() -> failure.get() != null, "the writer reports the failure");
    assertEquals("broken pipe (test)", failure.get().getMessage());
    join(writer.thread());
  }

  @Test
  void whileDetachedARequestGoesToTheReconnectBuffer() throws Exception {
    peer.setSoTimeout(5_000);
    Outbound out = outbound(1024);
    out.publishNow(SUBJECT, ascii("r.1"), null, ascii("q"));
    attach(out, null);
    assertEquals("PUB s r.1 1\r\nq\r\n", readPeer(16));
    join(out.close());
  }

  @Test
  void aReplyIsWrittenByItsCallerWhileTheWriterIsIdle() throws Exception {
    peer.setSoTimeout(5_000);
    Outbound out = outbound(0);
    WatchedOutput stream = new WatchedOutput();
    attachIdle(out, stream);
    out.publishReply(SUBJECT, ascii("a")); // the writer is idle: written here
    assertEquals("PUB s 1\r\na\r\n", readPeer(12));
    out.publish(SUBJECT, null, null, ascii("b")); // the writer writes, then lingers
    assertEquals("PUB s 1\r\nb\r\n", readPeer(12));
    WakeDeferral.hold();
    try {
      out.publishReply(SUBJECT, ascii("c"));
    } finally {
      WakeDeferral.release();
    }
    assertEquals("PUB s 1\r\nc\r\n", readPeer(12));
    assertEquals(Thread.currentThread().getName(), stream.writers.get(0));
    assertEquals("nats4j-test-writer", stream.writers.get(1));
    join(out.close());
  }

  private static void join(Thread thread) throws InterruptedException {
    if (thread != null) {
      thread.join(5_000);
      assertTrue(!thread.isAlive());
    }
  }
}

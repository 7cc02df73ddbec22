package io.nats4j.client.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.BufferFullException;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.internal.protocol.GrowableBuffer;
import io.nats4j.client.internal.protocol.ProtocolWriter;
import io.nats4j.client.internal.transport.Transport;
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
    return new Outbound(
        64 * 1024,
        TimeUnit.MILLISECONDS.toNanos(100),
        reconnectBuffer,
        TimeUnit.MINUTES.toNanos(2),
        2);
  }

  private void attach(Outbound out, GrowableBuffer preamble) {
    out.attach(transport, preamble, "nats4j-test-writer", failure::set, () -> {});
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

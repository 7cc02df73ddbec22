package io.nats4j.client.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.Message;
import io.nats4j.client.NoRespondersException;
import io.nats4j.client.internal.protocol.Msg;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class RequestMuxTest {
  private final MessageQueueTest.RecordingHost host = new MessageQueueTest.RecordingHost();
  private final SubscriptionTable table = new SubscriptionTable();
  private final RequestMux mux = new RequestMux("_INBOX");
  private final Router router = new Router(table, host, mux, 0, 0);

  @Test
  void subscribesOnceWithAWildcardInbox() {
    mux.ensureSubscribed(table, host);
    mux.ensureSubscribed(table, host);
    assertEquals(1, host.ops.size());
    assertTrue(host.ops.get(0).matches("SUB _INBOX\\.[A-Za-z0-9]{22}\\.\\* 1"), host.ops.get(0));
  }

  @Test
  void repliesCompleteTheirOwnFuture() throws Exception {
    mux.ensureSubscribed(table, host);
    CompletableFuture<Message> a = new CompletableFuture<>();
    CompletableFuture<Message> b = new CompletableFuture<>();
    String replyA = mux.register(a, "svc");
    String replyB = mux.register(b, "svc");
    assertNotEquals(replyA, replyB);
    router.route(new Msg(replyB, mux.sid(), null, null, "B".getBytes(StandardCharsets.UTF_8)));
    assertTrue(b.isDone());
    assertFalse(a.isDone());
    assertEquals("B", b.get().dataAsString());
    assertEquals(1, mux.pending());
    // a second reply to the same token is ignored
    router.route(new Msg(replyB, mux.sid(), null, null, new byte[0]));
    assertEquals(1, mux.pending());
  }

  @Test
  void status503IsNoResponders() {
    mux.ensureSubscribed(table, host);
    CompletableFuture<Message> f = new CompletableFuture<>();
    String reply = mux.register(f, "nobody");
    byte[] status = "NATS/1.0 503\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    router.route(new Msg(reply, mux.sid(), null, status, new byte[0]));
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get);
    assertInstanceOf(NoRespondersException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("nobody"));
  }

  @Test
  void forgetAndFailAll() {
    CompletableFuture<Message> f = new CompletableFuture<>();
    CompletableFuture<Message> g = new CompletableFuture<>();
    String reply = mux.register(f, "x");
    mux.register(g, "y");
    mux.forget(reply);
    assertEquals(1, mux.pending());
    mux.failAll(new ConnectionClosedException("closed"));
    assertTrue(g.isCompletedExceptionally());
    assertFalse(f.isDone());
    assertEquals(0, mux.pending());
  }

  @Test
  void statusCodeIsReadFromTheRawBlock() {
    assertEquals(
        408, IncomingMessage.statusCode("NATS/1.0 408 Request Timeout\r\n\r\n".getBytes()));
    assertEquals(0, IncomingMessage.statusCode("NATS/1.0\r\nA: b\r\n\r\n".getBytes()));
    assertEquals(0, IncomingMessage.statusCode(null));
  }
}

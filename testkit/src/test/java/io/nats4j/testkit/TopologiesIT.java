package io.nats4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The leafnode pair and the gateway super cluster form, carry messages, and re-form. */
class TopologiesIT {

  @Test
  void aHubAndALeafEachHaveTheirDomainAndTheLeafRejoinsARestartedHub() throws IOException {
    try (NatsLeafnodes t = NatsLeafnodes.start("hub", "leaf")) {
      String hubJsz = t.hub().monitor("/jsz").replace(" ", "");
      String leafJsz = t.leaf().monitor("/jsz").replace(" ", "");
      assertTrue(hubJsz.contains("\"domain\":\"hub\""), hubJsz);
      assertTrue(leafJsz.contains("\"domain\":\"leaf\""), leafJsz);
      assertCarries(t.hub(), t.leaf(), "leafz");

      t.hub().kill();
      t.hub().restart();
      t.awaitConnected();
      assertCarries(t.hub(), t.leaf(), "leafz");
    }
  }

  @Test
  void twoClustersJoinedByGatewaysShareOneJetStreamAndRejoinAfterARestart() throws IOException {
    try (NatsSuperCluster sc =
        NatsSuperCluster.start(2, 1, ServerConfig.builder().jetStream().build())) {
      assertEquals(2, sc.servers().size());
      String jsz = sc.server(1, 0).monitor("/jsz").replace(" ", "");
      assertTrue(jsz.contains("\"cluster_size\":2"), jsz);
      assertCarries(sc.server(0, 0), sc.server(1, 0), "gatewayz");

      sc.server(0, 0).kill();
      sc.server(0, 0).restart();
      sc.awaitFormed();
      assertCarries(sc.server(0, 0), sc.server(1, 0), "gatewayz");
    }
  }

  /** A message published on {@code from} reaches a subscriber on {@code to}. */
  private static void assertCarries(NatsServer to, NatsServer from, String monitor)
      throws IOException {
    try (RawClient subscriber = RawClient.connect(to);
        RawClient publisher = RawClient.connect(from)) {
      subscriber.handshake("{\"verbose\":false}");
      subscriber.send("SUB across 1\r\nPING\r\n");
      subscriber.readUntil("PONG");
      publisher.handshake("{\"verbose\":false}");
      if (monitor.equals("leafz")) {
        // the hub sends its subscriptions to the leaf; gateways forward optimistically
        Await.until(
            () -> from.monitor("/leafz?subs=1").contains("across"),
            "the subscription to reach " + from);
      }
      // the subscription's interest crosses a gateway asynchronously (JetStream accounts are in
      // interest-only mode there) and no client-visible event says when: publish until it arrives
      subscriber.socketTimeout(500);
      Await.until(
          () -> publishedAndReceived(publisher, subscriber),
          Duration.ofSeconds(15),
          "a message from " + from + " to reach " + to);
    }
  }

  private static boolean publishedAndReceived(RawClient publisher, RawClient subscriber) {
    try {
      publisher.send("PUB across 5\r\nhello\r\n");
      assertTrue(subscriber.readUntil("MSG across").startsWith("MSG across 1 5"));
      assertEquals("hello", subscriber.readLine());
      return true;
    } catch (SocketTimeoutException notYet) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

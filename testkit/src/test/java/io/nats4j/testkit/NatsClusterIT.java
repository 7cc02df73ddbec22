package io.nats4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NatsClusterIT {

  @Test
  void threeJetStreamNodesFormAClusterWithAMetaLeader() throws IOException {
    try (NatsCluster cluster = NatsCluster.start(3, ServerConfig.builder().jetStream().build())) {
      assertEquals(3, cluster.servers().size());
      Set<Integer> ports = new HashSet<>();
      for (NatsServer server : cluster.servers()) {
        ports.add(server.port());
        String routez = server.monitor("/routez");
        for (NatsServer other : cluster.servers()) {
          if (other != server) {
            assertTrue(routez.contains(serverId(other)), routez);
          }
        }
        String jsz = server.monitor("/jsz").replace(" ", "");
        assertTrue(jsz.contains("\"cluster_size\":3"), jsz);
        assertTrue(jsz.matches("(?s).*\"leader\":\"node-[0-2]\".*"), jsz);
      }
      assertEquals(3, ports.size());
      assertEquals(
          List.of(
              cluster.server(0).clientUrl(),
              cluster.server(1).clientUrl(),
              cluster.server(2).clientUrl()),
          cluster.clientUrls());

      // A message published on node 0 reaches a subscriber on node 2 through the routes.
      try (RawClient subscriber = RawClient.connect(cluster.server(2));
          RawClient publisher = RawClient.connect(cluster.server(0))) {
        subscriber.handshake("{\"verbose\":false}");
        subscriber.send("SUB routed.subject 1\r\nPING\r\n");
        subscriber.readUntil("PONG");
        Await.until(
            () -> cluster.server(0).monitor("/routez?subs=1").contains("routed.subject"),
            "the subscription to reach node 0 over a route");
        publisher.handshake("{\"verbose\":false}");
        publisher.send("PUB routed.subject 5\r\nhello\r\n");
        assertTrue(subscriber.readUntil("MSG routed.subject").startsWith("MSG routed.subject 1 5"));
        assertEquals("hello", subscriber.readLine());
      }
    }
  }

  private static String serverId(NatsServer server) {
    Matcher matcher = Pattern.compile("\"server_id\":\"([^\"]+)\"").matcher(server.info());
    assertTrue(matcher.find(), server.info());
    return matcher.group(1);
  }

  @Test
  void restartedNodeRejoins() {
    try (NatsCluster cluster = NatsCluster.start(2, ServerConfig.defaults())) {
      NatsServer node = cluster.server(1);
      int clusterPort = node.clusterPort();
      node.restart();
      assertEquals(clusterPort, node.clusterPort());
      cluster.awaitFormed();
      assertTrue(cluster.server(0).monitor("/routez").contains("remote_id"));
    }
  }
}

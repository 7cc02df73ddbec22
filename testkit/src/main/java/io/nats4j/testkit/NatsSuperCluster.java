package io.nats4j.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clusters of {@code nats-server} processes joined by gateways (a super cluster): the production
 * topology where a client's server stays up while the cluster holding a stream dies. Each cluster's
 * nodes are routed to each other; every node has a gateway to every other cluster.
 *
 * <p>Thread-safe: the node lists are fixed at start; each {@link NatsServer} is thread-safe.
 *
 * <pre>{@code
 * try (NatsSuperCluster sc = NatsSuperCluster.start(2, 1, ServerConfig.builder().jetStream().build())) {
 *   Connection nc = Nats.connect(sc.server(1, 0).clientUrl());   // a client in cluster c1
 *   sc.server(0, 0).kill();                                       // cluster c0 dies
 * }
 * }</pre>
 *
 * <p>Clusters are named {@code c<i>}, nodes {@code c<i>-n<j>}; with JetStream, a stream is placed
 * in a cluster with {@code Placement} on that name. Node ports (client, route, gateway) survive
 * {@link NatsServer#restart()}, so a restarted node rejoins; {@link #awaitFormed()} waits for that.
 */
public final class NatsSuperCluster implements AutoCloseable {
  /** How long {@link #start} and {@link #awaitFormed()} wait for routes, gateways and JetStream. */
  public static final Duration FORM_TIMEOUT = Duration.ofSeconds(45);

  private static final Pattern GATEWAY_NAME = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\\{");
  private static final Pattern META_LEADER = Pattern.compile("\"leader\"\\s*:\\s*\"([^\"]+)\"");

  private final List<List<NatsServer>> clusters;
  private final boolean jetStream;

  private NatsSuperCluster(List<List<NatsServer>> clusters, boolean jetStream) {
    this.clusters = clusters.stream().map(List::copyOf).toList();
    this.jetStream = jetStream;
  }

  /**
   * Starts {@code clusters} clusters of {@code nodesPerCluster} nodes, each with {@code config}
   * plus its cluster and gateway blocks, and returns once every node sees its routes, a gateway to
   * every other cluster and, with JetStream, a meta leader and an OK {@code /healthz}.
   *
   * @param clusters how many clusters, at least 2
   * @param nodesPerCluster nodes in each cluster, at least 1
   * @param config the configuration of every node (server name, cluster and gateway are set)
   * @return the running super cluster; close it to stop every node
   * @throws IllegalArgumentException if {@code clusters < 2} or {@code nodesPerCluster < 1}
   * @throws IllegalStateException if it does not form within {@link #FORM_TIMEOUT}
   */
  public static NatsSuperCluster start(int clusters, int nodesPerCluster, ServerConfig config) {
    if (clusters < 2 || nodesPerCluster < 1) {
      throw new IllegalArgumentException(
          "a super cluster needs at least 2 clusters of at least 1 node, got "
              + clusters
              + " x "
              + nodesPerCluster);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(clusters, nodesPerCluster, config);
      } catch (IllegalStateException e) {
        if (attempt == 3 || !String.valueOf(e.getMessage()).contains("address already in use")) {
          throw e;
        }
      }
    }
  }

  private static NatsSuperCluster startOnce(int count, int size, ServerConfig config) {
    List<Integer> ports = NatsCluster.freePorts(2 * count * size);
    List<List<Integer>> routePorts = new ArrayList<>();
    List<List<Integer>> gatewayPorts = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      int base = 2 * c * size;
      routePorts.add(ports.subList(base, base + size));
      gatewayPorts.add(ports.subList(base + size, base + 2 * size));
    }
    List<List<NatsServer>> started = new ArrayList<>();
    try {
      for (int c = 0; c < count; c++) {
        List<NatsServer> nodes = new ArrayList<>();
        started.add(nodes);
        for (int n = 0; n < size; n++) {
          ServerConfig node =
              config.toBuilder()
                  .serverName(clusterName(c) + "-n" + n)
                  .cluster(clusterName(c), routePorts.get(c))
                  .configFragment(gateway(c, gatewayPorts.get(c).get(n), gatewayPorts))
                  .build();
          nodes.add(NatsServer.launch(node, routePorts.get(c).get(n)));
        }
      }
      for (List<NatsServer> nodes : started) {
        for (NatsServer server : nodes) {
          server.awaitReadyOrClose(false);
        }
      }
      NatsSuperCluster sc = new NatsSuperCluster(started, config.jetStream);
      sc.awaitFormed();
      return sc;
    } catch (RuntimeException | Error e) {
      started.forEach(nodes -> nodes.forEach(NatsServer::close));
      throw e;
    }
  }

  /**
   * Returns the name of cluster {@code index}: {@code c<index>}.
   *
   * @param index the cluster's position, from 0
   * @return its name (also its gateway name)
   */
  public static String clusterName(int index) {
    return "c" + index;
  }

  /**
   * Returns node {@code node} of cluster {@code cluster}.
   *
   * @param cluster the cluster's position, from 0
   * @param node the node's position in its cluster, from 0
   * @return the node
   */
  public NatsServer server(int cluster, int node) {
    return clusters.get(cluster).get(node);
  }

  /** {@return every node, cluster by cluster} */
  public List<NatsServer> servers() {
    return clusters.stream().flatMap(List::stream).toList();
  }

  /**
   * Waits until every running node sees its cluster's running nodes, a gateway to every other
   * cluster with a running node, and, with JetStream, a meta leader and an OK {@code /healthz}.
   *
   * @throws AssertionError if that does not happen within {@link #FORM_TIMEOUT}
   */
  public void awaitFormed() {
    for (int c = 0; c < clusters.size(); c++) {
      List<NatsServer> running = clusters.get(c).stream().filter(NatsServer::isRunning).toList();
      Set<String> otherClusters = new HashSet<>();
      for (int o = 0; o < clusters.size(); o++) {
        if (o != c && clusters.get(o).stream().anyMatch(NatsServer::isRunning)) {
          otherClusters.add(clusterName(o));
        }
      }
      for (NatsServer server : running) {
        String name = server.config().serverName;
        Await.until(
            () -> outboundGateways(server).containsAll(otherClusters),
            FORM_TIMEOUT,
            name + " to see gateways to " + otherClusters + " on /gatewayz");
        if (jetStream) {
          Await.until(
              () -> META_LEADER.matcher(monitorOrEmpty(server, "/jsz")).find(),
              FORM_TIMEOUT,
              name + " to report a JetStream meta leader on /jsz");
          Await.until(
              () -> server.healthProblem().isEmpty(),
              FORM_TIMEOUT,
              name + " to report /healthz OK");
        }
      }
    }
  }

  /** Closes every node. Idempotent. */
  @Override
  public void close() {
    servers().forEach(NatsServer::close);
  }

  @Override
  public String toString() {
    return "NatsSuperCluster" + servers().stream().map(NatsServer::clientUrl).toList();
  }

  private static String gateway(int self, int listenPort, List<List<Integer>> gatewayPorts) {
    StringBuilder s = new StringBuilder("gateway {\n");
    s.append("  name: ").append(ConfigRenderer.quote(clusterName(self))).append('\n');
    s.append("  listen: ").append(ConfigRenderer.quote("127.0.0.1:" + listenPort)).append('\n');
    s.append("  gateways: [\n");
    for (int c = 0; c < gatewayPorts.size(); c++) {
      if (c == self) {
        continue;
      }
      List<String> urls = new ArrayList<>();
      for (int port : gatewayPorts.get(c)) {
        urls.add(ConfigRenderer.quote("nats://127.0.0.1:" + port));
      }
      s.append("    { name: ")
          .append(ConfigRenderer.quote(clusterName(c)))
          .append(", urls: [")
          .append(String.join(", ", urls))
          .append("] }\n");
    }
    return s.append("  ]\n}").toString();
  }

  /** The names of the clusters this node has an outbound gateway connection to. */
  private static Set<String> outboundGateways(NatsServer server) {
    String json = monitorOrEmpty(server, "/gatewayz");
    int start = json.indexOf("\"outbound_gateways\"");
    Set<String> names = new HashSet<>();
    if (start < 0) {
      return names;
    }
    int open = json.indexOf('{', start);
    int depth = 0;
    int end = open;
    for (int i = open; i >= 0 && i < json.length(); i++) {
      char ch = json.charAt(i);
      if (ch == '{') {
        depth++;
      } else if (ch == '}') {
        depth--;
        if (depth == 0) {
          end = i;
          break;
        }
      }
    }
    if (open < 0 || end <= open) {
      return names;
    }
    // top-level keys of the outbound_gateways object
    String body = json.substring(open + 1, end);
    int level = 0;
    Matcher m = GATEWAY_NAME.matcher(body);
    int last = 0;
    while (m.find()) {
      for (int i = last; i < m.start(); i++) {
        char ch = body.charAt(i);
        if (ch == '{') {
          level++;
        } else if (ch == '}') {
          level--;
        }
      }
      last = m.start();
      if (level == 0) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static String monitorOrEmpty(NatsServer server, String path) {
    try {
      return server.monitor(path);
    } catch (RuntimeException e) {
      return "";
    }
  }
}

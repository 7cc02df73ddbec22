package io.nats4j.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cluster of {@code nats-server} processes on loopback, every node routed to every other.
 *
 * <p>Thread-safe: the node list is fixed at start; each {@link NatsServer} is thread-safe.
 *
 * <pre>{@code
 * try (NatsCluster cluster = NatsCluster.start(3, ServerConfig.builder().jetStream().build())) {
 *   connect(String.join(",", cluster.clientUrls()));
 *   cluster.server(0).kill();
 * }
 * }</pre>
 *
 * <p>Nodes are named {@code node-<i>} (or {@code <serverName>-<i>} when the configuration names the
 * server) in cluster {@code nats4j}. A node's {@link NatsServer#restart()} keeps its cluster port,
 * so it rejoins; call {@link #awaitFormed()} to wait for that.
 */
public final class NatsCluster implements AutoCloseable {

  /** How long {@link #start} and {@link #awaitFormed()} wait for routes and a meta leader. */
  public static final Duration FORM_TIMEOUT = Duration.ofSeconds(30);

  private static final String CLUSTER_NAME = "nats4j";
  private static final Pattern REMOTE_ID = Pattern.compile("\"remote_id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern META_LEADER = Pattern.compile("\"leader\"\\s*:\\s*\"([^\"]+)\"");

  private final List<NatsServer> servers;
  private final boolean jetStream;

  private NatsCluster(List<NatsServer> servers, boolean jetStream) {
    this.servers = List.copyOf(servers);
    this.jetStream = jetStream;
  }

  /**
   * Starts {@code size} nodes with {@code config} plus a cluster block routing to every node, and
   * returns once every node sees {@code size - 1} routes on {@code /routez} and, with JetStream,
   * every node reports a meta leader on {@code /jsz}.
   *
   * @param size the number of nodes, at least 1
   * @param config the configuration of every node (the cluster block is added)
   * @return the running cluster; close it to stop every node
   * @throws IllegalArgumentException if {@code size < 2}
   * @throws IllegalStateException if the cluster does not form within {@link #FORM_TIMEOUT}
   */
  public static NatsCluster start(int size, ServerConfig config) {
    if (size < 2) {
      throw new IllegalArgumentException("a cluster needs at least 2 nodes, got " + size);
    }
    // Route ports must be known before any node starts, so they are reserved and released; if
    // another process grabs one in between, the attempt fails with "address already in use" and
    // is made again with new ports.
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(size, config);
      } catch (IllegalStateException e) {
        if (attempt == 3 || !String.valueOf(e.getMessage()).contains("address already in use")) {
          throw e;
        }
      }
    }
  }

  private static NatsCluster startOnce(int size, ServerConfig config) {
    List<Integer> clusterPorts = freePorts(size);
    List<NatsServer> started = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        String base = config.serverName == null ? "node" : config.serverName;
        ServerConfig node =
            config.toBuilder()
                .serverName(base + "-" + i)
                .cluster(CLUSTER_NAME, clusterPorts)
                .build();
        started.add(NatsServer.launch(node, clusterPorts.get(i)));
      }
      for (NatsServer server : started) {
        server.awaitReadyOrClose(false);
      }
      NatsCluster cluster = new NatsCluster(started, config.jetStream);
      cluster.awaitFormed();
      return cluster;
    } catch (RuntimeException | Error e) {
      started.forEach(NatsServer::close);
      throw e;
    }
  }

  /** {@return the nodes in start order} */
  public List<NatsServer> servers() {
    return servers;
  }

  /**
   * Returns node {@code index} (0-based).
   *
   * @param index the node's position in start order, from 0
   * @return node {@code index} (0-based)
   */
  public NatsServer server(int index) {
    return servers.get(index);
  }

  /** {@return the client URLs of all nodes, in node order} */
  public List<String> clientUrls() {
    return servers.stream().map(NatsServer::clientUrl).toList();
  }

  /**
   * Waits until every running node sees a route to every other running node and, with JetStream,
   * reports a meta leader, and then until every running node reports {@code /healthz} OK: a node
   * just restarted has its routes and a meta leader seconds before it is current with its streams
   * and consumers, and what a test creates meanwhile may be placed on it.
   *
   * @throws AssertionError if that does not happen within {@link #FORM_TIMEOUT}
   */
  public void awaitFormed() {
    List<NatsServer> running = servers.stream().filter(NatsServer::isRunning).toList();
    for (NatsServer server : running) {
      Await.until(
          () -> routedPeers(server) >= running.size() - 1,
          FORM_TIMEOUT,
          server.config().serverName + " to see " + (running.size() - 1) + " routes on /routez");
      if (jetStream) {
        Await.until(
            () -> hasMetaLeader(server),
            FORM_TIMEOUT,
            server.config().serverName + " to report a JetStream meta leader on /jsz");
      }
    }
    for (NatsServer server : running) {
      Await.until(
          () -> server.healthProblem().isEmpty(),
          FORM_TIMEOUT,
          server.config().serverName + " to report /healthz OK");
    }
  }

  /** Closes every node. Idempotent. */
  @Override
  public void close() {
    servers.forEach(NatsServer::close);
  }

  @Override
  public String toString() {
    return "NatsCluster" + clientUrls();
  }

  private static int routedPeers(NatsServer server) {
    Set<String> peers = new HashSet<>();
    Matcher matcher = REMOTE_ID.matcher(monitorOrEmpty(server, "/routez"));
    while (matcher.find()) {
      peers.add(matcher.group(1));
    }
    return peers.size();
  }

  private static boolean hasMetaLeader(NatsServer server) {
    return META_LEADER.matcher(monitorOrEmpty(server, "/jsz")).find();
  }

  private static String monitorOrEmpty(NatsServer server, String path) {
    try {
      return server.monitor(path);
    } catch (RuntimeException e) {
      return "";
    }
  }

  /**
   * Finds distinct free ports just below the kernel's ephemeral range: ports that {@code -1}
   * listeners (every other server's client and monitoring ports) and outgoing connections never
   * get, so the port is very unlikely to be taken before the node binds it.
   */
  static List<Integer> freePorts(int count) {
    int ephemeralLow = 32768;
    try {
      String range =
          Processes.readProcFile(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      ephemeralLow = Integer.parseInt(range.split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      // not Linux: keep the usual default
    }
    int high = ephemeralLow;
    int low = Math.max(1024, high - 12_000);
    List<Integer> ports = new ArrayList<>();
    for (int attempt = 0; ports.size() < count; attempt++) {
      if (attempt > 1000) {
        throw new IllegalStateException("no free port between " + low + " and " + high);
      }
      int candidate = ThreadLocalRandom.current().nextInt(low, high);
      if (!ports.contains(candidate) && canBind(candidate)) {
        ports.add(candidate);
      }
    }
    return ports;
  }

  private static boolean canBind(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

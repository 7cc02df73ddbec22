package io.nats4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A hub and a leaf server joined by a leafnode connection, each with JetStream in its own domain:
 * the production topology where a client on the leaf reaches the hub's streams through the hub's
 * domain ({@code $JS.<hub domain>.API}), and the hub can die while the client's own server stays
 * up.
 *
 * <p>Thread-safe: the two servers are fixed at start; each {@link NatsServer} is thread-safe.
 *
 * <pre>{@code
 * try (NatsLeafnodes t = NatsLeafnodes.start("hub", "leaf")) {
 *   Connection nc = Nats.connect(t.leaf().clientUrl());
 *   JetStream hub = JetStream.of(nc, JetStreamOptions.builder().domain("hub").build());
 *   t.hub().kill();
 *   t.hub().restart();
 *   t.awaitConnected();
 * }
 * }</pre>
 *
 * <p>The servers are named {@code hub} and {@code leaf}. The hub's leafnode port is fixed at start,
 * so a {@link NatsServer#restart()} of the hub is rejoined by the leaf (which retries every
 * second); {@link #awaitConnected()} waits for that. The JetStream stores outlive restarts and are
 * deleted by {@link #close()}.
 */
public final class NatsLeafnodes implements AutoCloseable {
  /** How long {@link #start} and {@link #awaitConnected()} wait for the leafnode connection. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern LEAFNODES = Pattern.compile("\"leafnodes\"\\s*:\\s*(\\d+)");

  private final NatsServer hub;
  private final NatsServer leaf;
  private final Path storeRoot;

  private NatsLeafnodes(NatsServer hub, NatsServer leaf, Path storeRoot) {
    this.hub = hub;
    this.leaf = leaf;
    this.storeRoot = storeRoot;
  }

  /**
   * Starts the hub (JetStream domain {@code hubDomain}, a leafnode listener) and the leaf
   * (JetStream domain {@code leafDomain}, a leafnode remote to the hub), and returns once both see
   * the leafnode connection.
   *
   * @param hubDomain the hub's JetStream domain
   * @param leafDomain the leaf's JetStream domain, different from the hub's
   * @return the running pair; close it to stop both
   * @throws IllegalArgumentException if a domain is empty or both are the same
   * @throws IllegalStateException if a server does not start or the leafnode does not connect
   */
  public static NatsLeafnodes start(String hubDomain, String leafDomain) {
    requireDomain(hubDomain);
    requireDomain(leafDomain);
    if (hubDomain.equals(leafDomain)) {
      throw new IllegalArgumentException("the hub and the leaf need different domains");
    }
    Path root;
    try {
      root = Files.createTempDirectory("nats4j-leafnodes-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp dir for the JetStream stores", e);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(hubDomain, leafDomain, root);
      } catch (IllegalStateException e) {
        if (attempt == 3 || !String.valueOf(e.getMessage()).contains("address already in use")) {
          deleteTree(root);
          throw e;
        }
      }
    }
  }

  private static NatsLeafnodes startOnce(String hubDomain, String leafDomain, Path root) {
    int leafnodePort = NatsCluster.freePorts(1).get(0);
    NatsServer hub =
        NatsServer.start(
            ServerConfig.builder()
                .serverName("hub")
                .configFragment(jetStream(root.resolve("hub"), hubDomain))
                .configFragment(
                    "leafnodes { listen: "
                        + ConfigRenderer.quote("127.0.0.1:" + leafnodePort)
                        + " }")
                .build());
    NatsServer leaf = null;
    try {
      leaf =
          NatsServer.start(
              ServerConfig.builder()
                  .serverName("leaf")
                  .configFragment(jetStream(root.resolve("leaf"), leafDomain))
                  .configFragment(
                      "leafnodes { remotes: [ { url: "
                          + ConfigRenderer.quote("nats-leaf://127.0.0.1:" + leafnodePort)
                          + " } ] }")
                  .build());
      NatsLeafnodes pair = new NatsLeafnodes(hub, leaf, root);
      pair.awaitConnected();
      return pair;
    } catch (RuntimeException | Error e) {
      hub.close();
      if (leaf != null) {
        leaf.close();
      }
      throw e;
    }
  }

  /** {@return the hub: the server whose domain holds the shared streams} */
  public NatsServer hub() {
    return hub;
  }

  /** {@return the leaf: the server the edge clients connect to} */
  public NatsServer leaf() {
    return leaf;
  }

  /**
   * Waits until both servers report the leafnode connection on {@code /leafz}.
   *
   * @throws AssertionError if that does not happen within {@link #CONNECT_TIMEOUT}
   */
  public void awaitConnected() {
    for (NatsServer s : List.of(hub, leaf)) {
      Await.until(
          () -> leafnodes(s) > 0,
          CONNECT_TIMEOUT,
          s.config().serverName + " to report the leafnode connection on /leafz");
    }
  }

  /** Closes both servers and deletes their JetStream stores. Idempotent. */
  @Override
  public void close() {
    leaf.close();
    hub.close();
    deleteTree(storeRoot);
  }

  @Override
  public String toString() {
    return "NatsLeafnodes[hub=" + hub.clientUrl() + ", leaf=" + leaf.clientUrl() + "]";
  }

  private static int leafnodes(NatsServer server) {
    try {
      Matcher m = LEAFNODES.matcher(server.monitor("/leafz"));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static String jetStream(Path store, String domain) {
    return "jetstream { store_dir: "
        + ConfigRenderer.quote(store.toString())
        + ", domain: "
        + ConfigRenderer.quote(domain)
        + " }";
  }

  private static void requireDomain(String domain) {
    if (domain == null || domain.isBlank()) {
      throw new IllegalArgumentException("a JetStream domain must not be empty");
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp dir left behind
    }
  }
}

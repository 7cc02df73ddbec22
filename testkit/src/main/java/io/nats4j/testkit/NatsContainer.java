package io.nats4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@code nats-server} in a container, started through <a
 * href="https://java.testcontainers.org/">Testcontainers</a>: for your own tests where a container
 * engine is the way to get a server. {@link NatsServer} starts the same server as a local process
 * instead, with more controls (TLS, auth, clusters, faults); this class covers the common case.
 *
 * <p>Thread-safety: configure and start it from one thread; once started, {@link #clientUrl()} and
 * {@link #monitoringUrl()} may be read from any thread.
 *
 * <pre>{@code
 * try (NatsContainer nats = new NatsContainer("nats:2.15.2").withJetStream()) {
 *   nats.start();
 *   try (Connection c = Nats.connect(nats.clientUrl())) { ... }
 * }
 * }</pre>
 *
 * <p>Two network modes:
 *
 * <ul>
 *   <li>By default the usual Testcontainers setup: the container's own network, client port {@value
 *       #CLIENT_PORT} and monitoring port {@value #MONITORING_PORT} exposed and mapped to free host
 *       ports.
 *   <li>{@link #withHostLoopbackNetwork()}: host networking with the server bound to {@code
 *       127.0.0.1} on free ports chosen at start, for engines run without a bridge network (such as
 *       the one {@code scripts/docker-setup} starts). Nothing is reachable from outside the host.
 * </ul>
 *
 * <p>The image must have {@code nats-server} as its entry point, as the official {@code nats}
 * images and {@code nats4j/nats-server:VERSION} (built {@code FROM scratch} by {@code
 * scripts/docker-setup}, no registry needed) do. The container is ready when the server logs {@code
 * Server is ready}.
 *
 * <p>Testcontainers is an optional dependency of nats4j-testkit: add {@code
 * org.testcontainers:testcontainers} to your test dependencies to use this class. Where no registry
 * is reachable, disable what Testcontainers would pull ({@code TESTCONTAINERS_RYUK_DISABLED=true})
 * and use a local image.
 */
public final class NatsContainer extends GenericContainer<NatsContainer> {

  /** The client port inside the container in the default network mode. */
  public static final int CLIENT_PORT = 4222;

  /** The monitoring port inside the container in the default network mode. */
  public static final int MONITORING_PORT = 8222;

  private static final String LOOPBACK = "127.0.0.1";
  private static final String SETUP_HINT =
      ": run scripts/docker-setup (root with apt-get) or start Docker and load the image";

  private boolean jetStream;
  private boolean hostLoopback;
  private final List<String> extraArgs = new ArrayList<>();
  private int hostClientPort = -1;
  private int hostMonitoringPort = -1;

  /**
   * Creates a container of {@code image}.
   *
   * @param image an image whose entry point is {@code nats-server}, e.g. {@code "nats:2.15.2"}
   */
  public NatsContainer(String image) {
    this(DockerImageName.parse(Objects.requireNonNull(image, "image")));
  }

  /**
   * Creates a container of {@code image}.
   *
   * @param image an image whose entry point is {@code nats-server}
   */
  public NatsContainer(DockerImageName image) {
    super(Objects.requireNonNull(image, "image"));
    waitingFor(Wait.forLogMessage(".*Server is ready.*", 1));
  }

  /**
   * Enables JetStream, storing in the container's file system ({@code -js -sd /data/jetstream}).
   *
   * @return this container
   */
  public NatsContainer withJetStream() {
    jetStream = true;
    return this;
  }

  /**
   * Uses host networking with the server listening on {@code 127.0.0.1} only, on free ports chosen
   * when the container starts.
   *
   * @return this container
   */
  public NatsContainer withHostLoopbackNetwork() {
    hostLoopback = true;
    return this;
  }

  /**
   * Adds {@code nats-server} command-line arguments, e.g. {@code "--name", "test-server"}.
   *
   * @param args arguments appended after the ones this class sets (listen address, ports,
   *     JetStream)
   * @return this container
   */
  public NatsContainer withServerArgs(String... args) {
    for (String arg : args) {
      extraArgs.add(Objects.requireNonNull(arg, "argument"));
    }
    return this;
  }

  @Override
  protected void configure() {
    List<String> command = new ArrayList<>();
    if (hostLoopback) {
      withNetworkMode("host");
      hostClientPort = freeLoopbackPort();
      hostMonitoringPort = freeLoopbackPort();
      command.addAll(
          List.of(
              "-a",
              LOOPBACK,
              "-p",
              Integer.toString(hostClientPort),
              "-m",
              Integer.toString(hostMonitoringPort)));
    } else {
      withExposedPorts(CLIENT_PORT, MONITORING_PORT);
      command.addAll(
          List.of(
              "-a",
              "0.0.0.0",
              "-p",
              Integer.toString(CLIENT_PORT),
              "-m",
              Integer.toString(MONITORING_PORT)));
    }
    if (jetStream) {
      command.addAll(List.of("-js", "-sd", "/data/jetstream"));
    }
    command.addAll(extraArgs);
    withCommand(command.toArray(String[]::new));
  }

  /**
   * Returns the URL clients connect to.
   *
   * @return e.g. {@code nats://127.0.0.1:32768}
   * @throws IllegalStateException if the container is not running
   */
  public String clientUrl() {
    return "nats://" + host() + ":" + clientPort();
  }

  /**
   * Returns the base URL of the monitoring endpoints ({@code /varz}, {@code /healthz}, ...).
   *
   * @return e.g. {@code http://127.0.0.1:32769}
   * @throws IllegalStateException if the container is not running
   */
  public String monitoringUrl() {
    return "http://" + host() + ":" + (hostLoopback ? hostMonitoringPort : mapped(MONITORING_PORT));
  }

  /**
   * Returns the host port clients connect to.
   *
   * @return the port
   * @throws IllegalStateException if the container is not running
   */
  public int clientPort() {
    return hostLoopback ? hostClientPort : mapped(CLIENT_PORT);
  }

  private String host() {
    if (!isRunning()) {
      throw new IllegalStateException("the NATS container is not running: call start() first");
    }
    return hostLoopback ? LOOPBACK : getHost();
  }

  private int mapped(int port) {
    if (!isRunning()) {
      throw new IllegalStateException("the NATS container is not running: call start() first");
    }
    return getMappedPort(port);
  }

  /**
   * Tells why a container of {@code image} cannot start here, for a test's assumption: no engine
   * reachable, or the image not in the local engine (this method never pulls). A dead local socket
   * ({@code DOCKER_HOST} unset or {@code unix://}) is answered at once; otherwise Testcontainers
   * looks for an engine, which can take a while.
   *
   * <pre>{@code
   * Optional<String> problem = NatsContainer.unavailableReason("nats4j/nats-server:2.15.2");
   * assumeTrue(problem.isEmpty(), problem.orElse(""));
   * }</pre>
   *
   * @param image the image the test would start
   * @return the reason, or empty when the engine runs and has the image
   */
  public static Optional<String> unavailableReason(String image) {
    Objects.requireNonNull(image, "image");
    String dockerHost = System.getenv("DOCKER_HOST");
    if (dockerHost == null || dockerHost.startsWith("unix://")) {
      Path socket = Path.of(dockerHost == null ? "/var/run/docker.sock" : dockerHost.substring(7));
      try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
        // connected: an engine listens
      } catch (IOException e) {
        return Optional.of(
            "no container engine at " + socket + " (" + e.getMessage() + ")" + SETUP_HINT);
      }
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return Optional.of("Testcontainers finds no container engine" + SETUP_HINT);
    }
    try {
      DockerClientFactory.instance().client().inspectImageCmd(image).exec();
    } catch (RuntimeException e) {
      return Optional.of(
          "image " + image + " is not in the local engine (not pulled)" + SETUP_HINT);
    }
    return Optional.empty();
  }

  /** A port free now; another process could take it before the server binds it (start fails). */
  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + LOOPBACK, e);
    }
  }
}

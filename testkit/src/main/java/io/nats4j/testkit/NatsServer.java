package io.nats4j.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real {@code nats-server} process on free loopback ports, for tests.
 *
 * <p>Thread-safe: every method may be called from any thread; lifecycle methods are serialized.
 *
 * <pre>{@code
 * try (NatsServer server = NatsServer.start(ServerConfig.builder().jetStream().build())) {
 *   connect(server.clientUrl());
 *   server.restart();             // same ports, same JetStream store
 * }
 * }</pre>
 *
 * <p>Each server lives in its own temporary directory holding the generated configuration, the log
 * (everything the process prints) and the JetStream store; {@link #close()} kills the process and
 * deletes the directory. The monitoring port is always on, so {@link #monitor(String)} can read
 * {@code /varz}, {@code /connz}, {@code /routez}, {@code /jsz}. A JVM shutdown hook kills any
 * server still running at exit.
 */
public final class NatsServer implements AutoCloseable {

  /** How long {@link #start} and {@link #restart()} wait for the server to accept clients. */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(15);
  private static final int LOG_TAIL_BYTES = 64 * 1024;
  private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

  private final long sequence;
  private final Path workDir;
  private final Path configFile;
  private final Path logFile;
  private final Path storeDir;
  private final Path operatorJwtFile;
  private final ServerConfig config;
  private volatile int port = -1;
  private volatile int monitoringPort = -1;
  private volatile int websocketPort = -1;
  private volatile int clusterPort;
  private volatile Process process;
  private volatile String info;
  private volatile boolean paused;
  private volatile boolean closed;
  private volatile String finalLog = "";

  private NatsServer(ServerConfig config, int clusterPort) {
    this.config = config;
    this.clusterPort = clusterPort;
    try {
      workDir = Files.createTempDirectory("nats4j-server-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp dir for nats-server", e);
    }
    configFile = workDir.resolve("nats-server.conf");
    logFile = workDir.resolve("nats-server.log");
    storeDir = config.jetStream ? workDir.resolve("jetstream") : null;
    operatorJwtFile = workDir.resolve("operator.jwt");
    sequence = ServerRegistry.register(this);
  }

  /**
   * Starts a plain server ({@link ServerConfig#defaults()}); see {@link #start(ServerConfig)}.
   *
   * @return the running server; close it to stop it
   */
  public static NatsServer start() {
    return start(ServerConfig.defaults());
  }

  /**
   * Starts a server with {@code config} on free loopback ports and returns once it accepts clients
   * (INFO received on the client port, {@code /healthz} OK).
   *
   * @param config what the server runs with
   * @return the running server; close it to stop it
   * @throws IllegalStateException if the binary is missing, or the server exits or is not ready
   *     within {@link #READY_TIMEOUT}; the message includes the end of the server log
   */
  public static NatsServer start(ServerConfig config) {
    NatsServer server = launch(config, -1);
    server.awaitReadyOrClose(true);
    return server;
  }

  /** Starts the process without waiting for readiness (clusters start all nodes first). */
  static NatsServer launch(ServerConfig config, int clusterPort) {
    NatsServer server = new NatsServer(config, clusterPort);
    try {
      server.startProcess();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * Waits until the server accepts clients and, if {@code healthy}, {@code /healthz} is OK (a
   * clustered JetStream node is only healthy once the cluster has formed); closes it on failure.
   */
  void awaitReadyOrClose(boolean healthy) {
    try {
      awaitReady(healthy);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /**
   * {@return the client URL, {@code nats://127.0.0.1:<port>}; the {@link #websocketUrl()} when the
   * config says {@link ServerConfig.Builder#clientsOverWebSocket()}}
   */
  public String clientUrl() {
    if (config.clientsOverWebSocket) {
      return websocketUrl();
    }
    return "nats://" + host() + ":" + port;
  }

  /** {@return the host the server listens on, {@code 127.0.0.1}} */
  public String host() {
    return "127.0.0.1";
  }

  /** {@return the client port} */
  public int port() {
    return port;
  }

  /** {@return the monitoring base URL, {@code http://127.0.0.1:<port>}} */
  public String monitoringUrl() {
    return "http://" + host() + ":" + monitoringPort;
  }

  /** {@return the monitoring port} */
  public int monitoringPort() {
    return monitoringPort;
  }

  /**
   * {@return the websocket port, or {@code -1} if {@link ServerConfig.Builder#websocket()} is off}
   */
  public int websocketPort() {
    return config.websocket ? websocketPort : -1;
  }

  /**
   * {@return {@code ws://127.0.0.1:<port>} ({@code wss://localhost:<port>} with websocket TLS, the
   * name the test certificates carry), or {@code null} without a websocket listener}
   */
  public String websocketUrl() {
    if (!config.websocket) {
      return null;
    }
    return config.websocketCertificates != null
        ? "wss://localhost:" + websocketPort
        : "ws://" + host() + ":" + websocketPort;
  }

  /** {@return the cluster (route) port, or {@code -1} if this server is not in a cluster} */
  public int clusterPort() {
    return config.clusterName == null ? -1 : clusterPort;
  }

  /**
   * GETs a monitoring endpoint and returns the body, e.g. {@code monitor("/varz")} or {@code
   * monitor("/jsz?streams=true")}.
   *
   * @param path the endpoint path, e.g. {@code /varz} or {@code /jsz?streams=true}
   * @return the response body
   * @throws UncheckedIOException if the request fails
   * @throws IllegalStateException if the status is not 200
   */
  public String monitor(String path) {
    Http.Response response = Http.get(host(), monitoringPort, path);
    if (response.status() != 200) {
      throw new IllegalStateException(
          "GET " + path + " returned " + response.status() + ": " + response.body());
    }
    return response.body();
  }

  /**
   * Returns the server's version, e.g. {@code "2.15.2"}, as reported in its INFO.
   *
   * @return the server's version without a leading {@code v}, e.g. {@code 2.15.2}
   */
  public String version() {
    String json = info;
    if (json != null) {
      Matcher matcher = VERSION.matcher(json);
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    return ServerBinary.version();
  }

  /**
   * Returns the JSON of the INFO the server sent to the readiness probe, or {@code null} when the
   * server expects TLS first.
   *
   * @return the JSON of the INFO the server sent to the readiness probe, or {@code null} when the
   *     server expects TLS first
   */
  public String info() {
    return info;
  }

  /** {@return the process id of the current process (changes on {@link #restart()})} */
  public long pid() {
    return process.pid();
  }

  /** {@return the configuration this server runs with} */
  public ServerConfig config() {
    return config;
  }

  /** {@return the JetStream store directory, or {@code null} without JetStream} */
  public Path storeDir() {
    return storeDir;
  }

  /** {@return whether the process is alive (a paused process is alive)} */
  public boolean isRunning() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Stops the server gracefully (SIGTERM) and waits for it to exit; no-op if not running. */
  public synchronized void stop() {
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    if (paused) {
      resume();
    }
    p.destroy();
    if (!waitForExit(p)) {
      p.destroyForcibly();
      waitForExit(p);
    }
  }

  /** Kills the server with SIGKILL and waits for it to exit; no-op if not running. */
  public synchronized void kill() {
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    p.destroyForcibly();
    waitForExit(p);
    paused = false;
  }

  /**
   * Stops the server if it runs, then starts it again on the same ports with the same JetStream
   * store and waits until it accepts clients.
   *
   * @throws IllegalStateException if it does not come back within {@link #READY_TIMEOUT}
   */
  public synchronized void restart() {
    requireOpen();
    stop();
    startProcess();
    awaitReady(true);
  }

  /**
   * Puts the server into lame-duck mode (SIGUSR2, as {@code nats-server --signal ldm=<pid>}): it
   * stops accepting clients, sends them INFO with {@code "ldm":true}, and after the grace period
   * closes them over the lame-duck duration, then exits. Returns at once.
   */
  public void lameDuck() {
    signal("USR2");
  }

  /**
   * Freezes the process (SIGSTOP): sockets stay open but nothing is read or written. On Linux it
   * returns once the kernel reports the process stopped.
   */
  public synchronized void pause() {
    signal("STOP");
    paused = true;
    awaitProcessState(true);
  }

  /** Continues a process frozen by {@link #pause()} (SIGCONT). */
  public synchronized void resume() {
    signal("CONT");
    paused = false;
    awaitProcessState(false);
  }

  /**
   * {@return everything the server printed so far (across restarts); empty with {@code noLog()}}
   */
  public String log() {
    if (closed) {
      return finalLog;
    }
    try {
      return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "<cannot read " + logFile + ": " + e + ">";
    }
  }

  /**
   * Returns the last {@code maxLines} lines of {@link #log()}.
   *
   * @param maxLines how many lines to return at most
   * @return the last {@code maxLines} lines of {@link #log()}
   */
  public String logTail(int maxLines) {
    List<String> lines = log().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
  }

  /** Kills the process if it runs and deletes the temporary directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    kill();
    String log = log();
    finalLog = log.length() > LOG_TAIL_BYTES ? log.substring(log.length() - LOG_TAIL_BYTES) : log;
    closed = true;
    Processes.deleteRecursively(workDir);
  }

  @Override
  public String toString() {
    return "NatsServer[" + clientUrl() + ", " + config + (isRunning() ? "" : ", not running") + "]";
  }

  long sequence() {
    return sequence;
  }

  boolean isClosed() {
    return closed;
  }

  void killQuietlyOnExit() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroyForcibly();
    }
    Processes.deleteRecursively(workDir);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("this NatsServer is closed");
    }
  }

  private void startProcess() {
    requireOpen();
    try {
      if (config.operator != null) {
        Files.writeString(operatorJwtFile, config.operator.operatorJwt());
      }
      String text =
          ConfigRenderer.render(
              config,
              new ConfigRenderer.Ports(port, monitoringPort, websocketPort, clusterPort),
              workDir,
              storeDir,
              operatorJwtFile);
      Files.writeString(configFile, text);
      ProcessBuilder builder =
          new ProcessBuilder(ServerBinary.locate().toString(), "-c", configFile.toString())
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.PIPE);
      if (config.noLog) {
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      } else {
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      }
      info = null;
      paused = false;
      process = builder.start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start nats-server in " + workDir, e);
    }
  }

  private void awaitReady(boolean healthy) {
    Process p = process;
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    long pause = TimeUnit.MILLISECONDS.toNanos(2);
    String lastProblem = "no ports file yet";
    while (true) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "nats-server exited with code "
                + p.exitValue()
                + " ("
                + config
                + "); log:\n"
                + logTail(40));
      }
      Optional<String> problem = readinessProblem(p, healthy);
      if (problem.isEmpty()) {
        return;
      }
      lastProblem = problem.get();
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "nats-server not ready after "
                + READY_TIMEOUT
                + " ("
                + lastProblem
                + "); log:\n"
                + logTail(40));
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  /** Returns why the server is not ready yet, or empty when it is. */
  private Optional<String> readinessProblem(Process p, boolean healthy) {
    if (!readPortsFile(p.pid())) {
      return Optional.of("no ports file yet");
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host(), port), 1000);
      if (!config.tlsHandshakeFirst) {
        socket.setSoTimeout(2000);
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || !line.startsWith("INFO {")) {
          return Optional.of("client port answered " + line);
        }
        info = line.substring("INFO ".length());
      }
    } catch (IOException e) {
      return Optional.of("client port: " + e);
    }
    return healthy ? healthProblem() : Optional.empty();
  }

  /** Returns why {@code /healthz} is not OK, or empty when it is. */
  Optional<String> healthProblem() {
    try {
      Http.Response health = Http.get(host(), monitoringPort, "/healthz");
      return health.status() == 200
          ? Optional.empty()
          : Optional.of("/healthz " + health.status() + " " + health.body().trim());
    } catch (UncheckedIOException e) {
      return Optional.of("/healthz: " + e.getCause());
    }
  }

  /** Reads the ports the server chose from its ports file; false if not there yet. */
  private boolean readPortsFile(long pid) {
    Optional<Map<String, Integer>> ports = PortsFile.read(workDir, pid);
    if (ports.isEmpty() || !ports.get().containsKey("nats")) {
      return false;
    }
    port = ports.get().get("nats");
    monitoringPort = ports.get().getOrDefault("monitoring", monitoringPort);
    websocketPort = ports.get().getOrDefault("websocket", websocketPort);
    clusterPort = ports.get().getOrDefault("cluster", clusterPort);
    return true;
  }

  private void signal(String name) {
    Process p = process;
    if (p == null || !p.isAlive()) {
      throw new IllegalStateException("nats-server is not running");
    }
    Processes.signal(p.pid(), name);
  }

  private void awaitProcessState(boolean stopped) {
    Processes.awaitStopped(process.pid(), stopped);
  }

  private static boolean waitForExit(Process p) {
    return Processes.waitForExit(p, EXIT_TIMEOUT);
  }
}

package io.nats4j.bench;

import io.nats4j.client.MessageObserver;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark tool behind {@code scripts/bench}: measures nats4j and jnats on the same scenario
 * against the same server and prints one JSON line per measured run on stdout (progress goes to
 * stderr).
 *
 * <p>The clients are warmed up first, round by round (three shortened runs each, not printed), then
 * the measured runs are interleaved client by client, alternating which goes first, so both see the
 * same machine conditions. Each run reports the time the JIT compilers spent in it ({@code
 * jit_ms}): a run still compiling measures warm-up, not the client. Every run uses fresh
 * connections and its own subject.
 *
 * <p>Exit codes: 0 done, 1 a run failed, 2 scenario not implemented yet, 64 bad command line.
 *
 * <p>Thread-safety: a command-line program; everything runs on the main thread except the clients'
 * own threads.
 */
public final class Bench {
  static final int EXIT_FAILED = 1;
  static final int EXIT_NOT_IMPLEMENTED = 2;
  static final int EXIT_USAGE = 64;
  private static final int WARM_UP_RUNS = 3;

  private Bench() {}

  /**
   * Runs the tool and exits the JVM with its exit code.
   *
   * @param args the command line, see {@link BenchOptions#USAGE}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (BenchOptions.UsageException e) {
      err.println("bench: " + e.getMessage());
      err.print(BenchOptions.USAGE);
      return EXIT_USAGE;
    }
    if (!BenchOptions.IMPLEMENTED.contains(options.scenario())) {
      err.println("bench: scenario '" + options.scenario() + "' is not yet implemented");
      return EXIT_NOT_IMPLEMENTED;
    }
    List<ClientDriver> drivers = new ArrayList<>();
    for (String client : options.clients()) {
      drivers.add(driver(client));
    }
    byte[] payload = new byte[options.size()];
    new Random(20261126L).nextBytes(payload);
    NatsServer server = null;
    try {
      String url = options.server();
      if (url == null) {
        ServerConfig.Builder config = ServerConfig.builder().jetStream();
        if (options.webSocket()) {
          config.clientsOverWebSocket(); // clientUrl() is then the ws:// listener
        }
        if (options.compression()) {
          config.websocketCompression();
        }
        server = NatsServer.start(config.build());
        url = server.clientUrl();
        err.println("bench: started nats-server " + server.version() + " at " + url);
      }
      int warm = Scenarios.warmUpMessages(options.scenario(), options.msgs());
      // Round by round, so code both clients share (the JDK's) is compiled for both before any
      // measured run, and no client's first run pays for recompiling it.
      for (int i = 0; i < WARM_UP_RUNS; i++) {
        for (ClientDriver driver : drivers) {
          err.println("bench: warming up " + driver.name() + " (" + warm + " msgs)");
          if (BatchBench.handles(options.scenario())) {
            if (driver.name().equals("nats4j")) {
              BatchBench.run(
                  options.scenario(),
                  url,
                  freshSubject(),
                  warm,
                  payload,
                  options.storage(),
                  options.batch());
            }
            driver.jsPubAsync(url, freshSubject(), warm, payload, options.storage());
            continue;
          }
          Scenarios.run(
              driver,
              options.scenario(),
              url,
              freshSubject(),
              warm,
              payload,
              options.storage(),
              options.requesters());
        }
      }
      for (int run = 0; run < options.runs(); run++) {
        // Alternate the order (A B, B A, ...) so neither client always runs first.
        List<ClientDriver> order = new ArrayList<>(drivers);
        if (run % 2 == 1) {
          Collections.reverse(order);
        }
        for (ClientDriver driver : order) {
          System.gc(); // start every measured run from the same heap state
          if (BatchBench.handles(options.scenario())) {
            runBatchAndAsync(driver, options, url, payload, out);
            continue;
          }
          RunResult result =
              Scenarios.run(
                  driver,
                  options.scenario(),
                  url,
                  freshSubject(),
                  options.msgs(),
                  payload,
                  options.storage(),
                  options.requesters());
          String line =
              result.toJson(
                  options.scenario(),
                  driver.name(),
                  options.msgs(),
                  options.size(),
                  options.storage(),
                  options.transportLabel());
          if (options.scenario().equals("svc")) {
            line =
                line.substring(0, line.length() - 1)
                    + ",\"requesters\":"
                    + options.requesters()
                    + "}";
          }
          out.println(line);
          out.flush();
        }
      }
      return 0;
    } catch (Exception e) {
      err.println("bench: run failed: " + e);
      e.printStackTrace(err);
      return EXIT_FAILED;
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /**
   * js-batch and js-ingest: nats4j's batch run, then js-pub-async of the same count (the comparison
   * the issue asks for; jnats has no batch publishing, so it runs only js-pub-async).
   */
  private static void runBatchAndAsync(
      ClientDriver driver, BenchOptions options, String url, byte[] payload, PrintStream out)
      throws Exception {
    if (driver.name().equals("nats4j")) {
      RunResult batch =
          BatchBench.run(
              options.scenario(),
              url,
              freshSubject(),
              options.msgs(),
              payload,
              options.storage(),
              options.batch());
      out.println(
          batch.toJson(
              options.scenario(),
              driver.name(),
              options.msgs(),
              options.size(),
              options.storage()));
      out.flush();
      System.gc();
    }
    RunResult async =
        driver.jsPubAsync(url, freshSubject(), options.msgs(), payload, options.storage());
    out.println(
        async.toJson(
            "js-pub-async", driver.name(), options.msgs(), options.size(), options.storage()));
    out.flush();
  }

  private static ClientDriver driver(String name) {
    return switch (name) {
      case "jnats" -> new JnatsDriver();
      case "nats4j" -> new Nats4jDriver();
      case "nats4j-observed" -> new Nats4jDriver("nats4j-observed", new MessageObserver() {});
      default -> throw new IllegalArgumentException("unknown client " + name);
    };
  }

  /**
   * A fresh subject per run, so a run never sees another's messages. Short on purpose, as {@code
   * nats bench} keeps its own: with the server saturated (pub), the server's cost per message grows
   * with the subject's length and caps both clients alike, hiding the clients' own costs.
   */
  private static String freshSubject() {
    return "bench." + Integer.toHexString(ThreadLocalRandom.current().nextInt() >>> 1);
  }
}

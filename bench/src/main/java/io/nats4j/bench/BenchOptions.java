package io.nats4j.bench;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@code scripts/bench}, parsed and validated.
 *
 * <p>Thread-safety: immutable.
 *
 * @param scenario the scenario name, e.g. {@code pub}
 * @param clients the clients to run, in order; several run interleaved against the same server
 * @param msgs messages (or requests) per run
 * @param size payload bytes per message
 * @param server the server URL, or null to start a reference server
 * @param runs measured runs per client
 * @param storage where the JetStream scenarios' streams keep their messages; null for the core
 *     scenarios
 * @param requesters svc: how many threads send requests at once (1 otherwise)
 * @param batch js-batch: messages per atomic batch; js-ingest: the fast-ingest flow
 * @param webSocket run over WebSocket: a {@code ws://}/{@code wss://} server, or the started
 *     server's websocket listener ({@code --transport ws})
 * @param compression the started websocket listener offers permessage-deflate ({@code --compression
 *     on}); nats4j accepts it, jnats 2.26.2 cannot
 */
record BenchOptions(
    String scenario,
    List<String> clients,
    int msgs,
    int size,
    String server,
    int runs,
    Storage storage,
    int requesters,
    int batch,
    boolean webSocket,
    boolean compression) {

  /** Plain TCP options with one requester and the default batch size (500). */
  BenchOptions(
      String scenario,
      List<String> clients,
      int msgs,
      int size,
      String server,
      int runs,
      Storage storage) {
    this(scenario, clients, msgs, size, server, runs, storage, 1, 500, false, false);
  }

  /** The transport of the JSON line: null for TCP, else {@code ws} or {@code ws+deflate}. */
  String transportLabel() {
    if (!webSocket) {
      return null;
    }
    return compression ? "ws+deflate" : "ws";
  }

  /** The storage of the stream a JetStream scenario creates for each run. */
  enum Storage {
    FILE,
    MEMORY;

    /** The name on the command line and in the JSON line. */
    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final Set<String> IMPLEMENTED =
      Set.of(
          "pub",
          "pubsub",
          "reqrep",
          "js-pub",
          "js-pub-async",
          "js-batch",
          "js-ingest",
          "js-fetch",
          "js-consume",
          "js-ordered",
          "kv-put",
          "kv-get",
          "kv-watch",
          "obj-put",
          "obj-get",
          "svc");
  static final Set<String> PLANNED = Set.of();
  static final List<String> CLIENTS = List.of("jnats", "nats4j");

  /** Every client name {@code --client} takes; nats4j-observed is nats4j with a no-op observer. */
  static final List<String> ALL_CLIENTS = List.of("jnats", "nats4j", "nats4j-observed");

  static final String USAGE =
      """
      usage: scripts/bench SCENARIO [--client nats4j|jnats|both] [--msgs N] [--size BYTES]
                                    [--server URL] [--runs N] [--storage file|memory]
                                    [--requesters N] [--batch N]
                                    [--transport tcp|ws] [--compression on|off]
        SCENARIO   pub | pubsub | reqrep | js-pub | js-pub-async | js-batch | js-ingest
                   | js-fetch | js-consume | js-ordered | kv-put | kv-get | kv-watch | obj-put
                   | obj-get | svc
        --client   which client to measure (default: both, interleaved run by run); a
                   comma-separated list of jnats, nats4j, nats4j-observed (nats4j with a no-op
                   MessageObserver, to show the hooks' cost) runs those interleaved
        --msgs     messages per run (default: 1000000; reqrep, js-pub, kv-put, kv-get: 20000;
                   js-pub-async, js-fetch, js-consume, js-ordered: 200000; kv-watch: 100000);
                   obj-*: objects per run (default: 3)
        --size     payload bytes (default: 16; js-fetch, js-consume, js-ordered: 128);
                   obj-*: bytes per object (default: 67108864)
        --server   an existing server, e.g. nats://127.0.0.1:4222 (default: start one)
        --runs     measured runs per client, each printed as one JSON line (default: 1)
        --storage  js-*, kv-*, obj-*: storage of the stream/bucket created for each run
                   (default: file)
        --requesters  svc: threads sending requests at once, each with its own connection
                   (default: 1); --msgs is the total over all of them
        --batch    js-batch: messages per atomic batch; js-ingest: the fast-ingest flow
                   (default: 500, natscli's); both are nats4j only, and each measured run is
                   followed by js-pub-async of the same count (nats4j, and jnats with --client
                   both) for comparison
        --transport  tcp (default) or ws: the started server's websocket listener; a ws:// or
                   wss:// --server means ws
        --compression  with ws and no --server: the listener offers permessage-deflate (default:
                   off; nats4j accepts it, jnats cannot)
      """;

  /** A command line that cannot run; the message says why. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static BenchOptions parse(String[] args) throws UsageException {
    if (args.length == 0) {
      throw new UsageException("missing SCENARIO");
    }
    String scenario = args[0].toLowerCase(Locale.ROOT);
    if (!IMPLEMENTED.contains(scenario) && !PLANNED.contains(scenario)) {
      throw new UsageException("unknown scenario '" + args[0] + "'");
    }
    List<String> clients = CLIENTS;
    Integer msgs = null;
    Integer size = null;
    String server = null;
    int runs = 1;
    int batch = 500;
    Storage storage = null;
    int requesters = 1;
    String transport = null;
    String compression = null;
    for (int i = 1; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new UsageException("missing value after " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--client" -> {
          if (value.equals("both")) {
            clients = CLIENTS;
          } else if (List.of(value.split(",")).stream().allMatch(ALL_CLIENTS::contains)) {
            clients = List.of(value.split(","));
          } else {
            throw new UsageException("--client must be nats4j, jnats or both, was '" + value + "'");
          }
        }
        case "--msgs" -> msgs = positive(flag, value, 1);
        case "--size" -> size = positive(flag, value, 0);
        case "--server" -> server = value;
        case "--runs" -> runs = positive(flag, value, 1);
        case "--storage" -> storage = storage(value);
        case "--requesters" -> requesters = positive(flag, value, 1);
        case "--batch" -> batch = positive(flag, value, 1);
        case "--transport" -> transport = oneOf(flag, value, "tcp", "ws");
        case "--compression" -> compression = oneOf(flag, value, "on", "off");
        default -> throw new UsageException("unknown option '" + flag + "'");
      }
    }
    boolean objects = scenario.startsWith("obj-");
    boolean jetStream = scenario.startsWith("js-") || scenario.startsWith("kv-") || objects;
    if (storage != null && !jetStream) {
      throw new UsageException(
          "--storage applies to the js-*, kv-* and obj-* scenarios only, not to " + scenario);
    }
    if (requesters != 1 && !scenario.equals("svc")) {
      throw new UsageException("--requesters applies to the svc scenario only, not to " + scenario);
    }
    if (jetStream && storage == null) {
      storage = Storage.FILE;
    }
    if (msgs == null) {
      msgs =
          switch (scenario) {
            case "reqrep", "js-pub", "kv-put", "kv-get" -> 20_000;
            case "svc" -> 40_000;
            case "js-pub-async", "js-fetch", "js-consume", "js-ordered" -> 200_000;
            case "js-batch", "js-ingest" -> 500_000;
            case "kv-watch" -> 100_000;
            case "obj-put", "obj-get" -> 3;
            default -> 1_000_000;
          };
    }
    if (size == null) {
      size =
          objects
              ? 64 * 1024 * 1024
              : Set.of("js-fetch", "js-consume", "js-ordered", "js-batch", "js-ingest")
                      .contains(scenario)
                  ? 128
                  : 16;
    }
    boolean serverIsWebSocket = server != null && server.matches("(?i)wss?://.*");
    if (server != null && transport != null && transport.equals("ws") != serverIsWebSocket) {
      throw new UsageException(
          "--transport " + transport + " contradicts --server " + server + " (its scheme decides)");
    }
    boolean webSocket = serverIsWebSocket || "ws".equals(transport);
    if (compression != null && (!webSocket || server != null)) {
      throw new UsageException(
          "--compression applies to the started server's websocket listener (--transport ws"
              + " without --server)");
    }
    return new BenchOptions(
        scenario,
        clients,
        msgs,
        size,
        server,
        runs,
        storage,
        requesters,
        batch,
        webSocket,
        "on".equals(compression));
  }

  private static String oneOf(String flag, String value, String... allowed) throws UsageException {
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw new UsageException(
        flag + " must be " + String.join(" or ", allowed) + ", was '" + value + "'");
  }

  private static Storage storage(String value) throws UsageException {
    return switch (value) {
      case "file" -> Storage.FILE;
      case "memory" -> Storage.MEMORY;
      default -> throw new UsageException("--storage must be file or memory, was '" + value + "'");
    };
  }

  private static int positive(String flag, String value, int min) throws UsageException {
    try {
      int n = Integer.parseInt(value.replace("_", ""));
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(flag + " needs an integer >= " + min + ", was '" + value + "'");
  }
}

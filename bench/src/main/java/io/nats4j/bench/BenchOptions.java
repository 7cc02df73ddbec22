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
 */
record BenchOptions(
    String scenario,
    List<String> clients,
    int msgs,
    int size,
    String server,
    int runs,
    Storage storage) {

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
          "js-fetch",
          "js-consume",
          "js-ordered",
          "kv-put",
          "kv-get",
          "kv-watch",
          "obj-put",
          "obj-get");
  static final Set<String> PLANNED = Set.of();
  static final List<String> CLIENTS = List.of("jnats", "nats4j");

  /** Every client name {@code --client} takes; nats4j-observed is nats4j with a no-op observer. */
  static final List<String> ALL_CLIENTS = List.of("jnats", "nats4j", "nats4j-observed");

  static final String USAGE =
      """
      usage: scripts/bench SCENARIO [--client nats4j|jnats|both] [--msgs N] [--size BYTES]
                                    [--server URL] [--runs N] [--storage file|memory]
        SCENARIO   pub | pubsub | reqrep | js-pub | js-pub-async | js-fetch | js-consume
                   | js-ordered | kv-put | kv-get | kv-watch | obj-put | obj-get
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
    Storage storage = null;
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
        default -> throw new UsageException("unknown option '" + flag + "'");
      }
    }
    boolean objects = scenario.startsWith("obj-");
    boolean jetStream = scenario.startsWith("js-") || scenario.startsWith("kv-") || objects;
    if (storage != null && !jetStream) {
      throw new UsageException(
          "--storage applies to the js-*, kv-* and obj-* scenarios only, not to " + scenario);
    }
    if (jetStream && storage == null) {
      storage = Storage.FILE;
    }
    if (msgs == null) {
      msgs =
          switch (scenario) {
            case "reqrep", "js-pub", "kv-put", "kv-get" -> 20_000;
            case "js-pub-async", "js-fetch", "js-consume", "js-ordered" -> 200_000;
            case "kv-watch" -> 100_000;
            case "obj-put", "obj-get" -> 3;
            default -> 1_000_000;
          };
    }
    if (size == null) {
      size =
          objects
              ? 64 * 1024 * 1024
              : Set.of("js-fetch", "js-consume", "js-ordered").contains(scenario) ? 128 : 16;
    }
    return new BenchOptions(scenario, clients, msgs, size, server, runs, storage);
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

package io.nats4j.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every {@link NatsServer} this JVM started, in start order, so the JUnit extension can find the
 * servers a test class or test started, and so a JVM exit never leaves a server behind.
 */
final class ServerRegistry {

  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final List<NatsServer> SERVERS = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> SERVERS.forEach(NatsServer::killQuietlyOnExit), "nats4j-testkit-cleanup"));
  }

  private ServerRegistry() {}

  /** Registers a new server and returns its sequence number. */
  static long register(NatsServer server) {
    long sequence = SEQUENCE.incrementAndGet();
    SERVERS.add(server);
    return sequence;
  }

  /** Returns the sequence number of the latest server; later servers have larger numbers. */
  static long mark() {
    return SEQUENCE.get();
  }

  /** Returns the servers registered after {@code mark}, in start order. */
  static List<NatsServer> since(long mark) {
    List<NatsServer> result = new ArrayList<>();
    for (NatsServer server : SERVERS) {
      if (server.sequence() > mark) {
        result.add(server);
      }
    }
    return result;
  }

  /** Forgets closed servers registered after {@code mark} (their logs are no longer needed). */
  static void forgetClosedSince(long mark) {
    SERVERS.removeIf(server -> server.sequence() > mark && server.isClosed());
  }
}

package io.nats4j.jetstream;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsException;
import io.nats4j.jetstream.internal.JsonMapper;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.NatsCluster;
import io.nats4j.testkit.NatsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the delivery-guarantee ITs of ordered and push consumers share: R3 streams on a testkit
 * cluster, the leader of a stream, leadership moves, and publishing the numbered messages.
 */
final class ReadFaults {
  /** How many messages each property test sends through its fault. */
  static final int N = 10_000;

  /** The bound of every wait of those tests. */
  static final Duration BOUND = Duration.ofSeconds(60);

  private ReadFaults() {}

  /**
   * Creates a stream with {@code replicas} on {@code cluster} and returns the server leading it.
   */
  static NatsServer createStream(NatsCluster cluster, StreamConfig config) {
    try (Connection admin = Nats.connect(cluster.server(0).clientUrl());
        JetStream js = JetStream.of(admin)) {
      Await.until(
          () -> {
            try {
              js.streams().create(config);
              return true;
            } catch (NatsException e) {
              return false; // the meta leader may still be settling
            }
          },
          BOUND,
          "stream " + config.name() + " created");
      Await.until(
          () -> leaderName(js, config.name()) != null, BOUND, config.name() + " has a leader");
      return serverNamed(cluster, leaderName(js, config.name()));
    }
  }

  /** The name of the server leading {@code stream}, or null while there is none. */
  static String leaderName(JetStream js, String stream) {
    try {
      ClusterInfo c = js.streams().info(stream).cluster();
      return c == null ? null : c.leader();
    } catch (NatsException e) {
      return null;
    }
  }

  static NatsServer serverNamed(NatsCluster cluster, String name) {
    return cluster.servers().stream().filter(s -> nameOf(s).equals(name)).findFirst().orElseThrow();
  }

  static String nameOf(NatsServer server) {
    return JsonMapper.readTree(server.monitor("/varz").getBytes(StandardCharsets.UTF_8))
        .get("server_name")
        .asText();
  }

  /** The client URLs of every server of the cluster but {@code excluded}, then its own. */
  static String urlsPreferringAllBut(NatsCluster cluster, NatsServer excluded) {
    StringBuilder b = new StringBuilder();
    for (NatsServer s : cluster.servers()) {
      if (s != excluded) {
        b.append(s.clientUrl()).append(',');
      }
    }
    return b.append(excluded.clientUrl()).toString();
  }

  /**
   * Asks the consumer's leader to step down ({@code $JS.API.CONSUMER.LEADER.STEPDOWN}) until a
   * request is answered without an error; returns the answer.
   */
  static String stepDownConsumer(Connection nc, String stream, String consumer) {
    String subject = "$JS.API.CONSUMER.LEADER.STEPDOWN." + stream + "." + consumer;
    String[] answer = new String[1];
    Await.until(
        () -> {
          try {
            Message reply = nc.request(subject, new byte[0], Duration.ofSeconds(5));
            answer[0] = new String(reply.data(), StandardCharsets.UTF_8);
            return !answer[0].contains("\"error\"");
          } catch (NatsException e) {
            return false; // an election is running; ask again
          }
        },
        BOUND,
        "consumer " + consumer + " stepped down");
    return answer[0];
  }

  /**
   * Moves the leadership of {@code stream} ({@code $JS.API.STREAM.LEADER.STEPDOWN}): to {@code
   * preferred} when given (until it leads), else to any other peer.
   */
  static void stepDownStream(Connection nc, JetStream js, String stream, String preferred) {
    String before = leaderName(js, stream);
    if (preferred != null && preferred.equals(before)) {
      return;
    }
    byte[] body =
        preferred == null
            ? new byte[0]
            : ("{\"placement\":{\"preferred\":\"" + preferred + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    Await.until(
        () -> {
          String now = leaderName(js, stream);
          if (now != null && (preferred == null ? !now.equals(before) : now.equals(preferred))) {
            return true;
          }
          try {
            nc.request("$JS.API.STREAM.LEADER.STEPDOWN." + stream, body, Duration.ofSeconds(5));
          } catch (NatsException e) {
            // an election is running; ask again
          }
          return false;
        },
        BOUND,
        "stream " + stream + " led by " + (preferred == null ? "another server" : preferred));
  }

  /** Publishes the numbers 1..count to {@code subject}, each with a message id, and awaits acks. */
  /** A stream on one server whose subject is its name in lower case. */
  static void createSingleStream(JetStream js, String stream, StorageType storage) {
    js.streams()
        .create(
            StreamConfig.builder(stream).subjects(stream.toLowerCase()).storage(storage).build());
  }

  /** Restarts the server the connection uses and waits until the connection is back. */
  static void restartAndAwaitReconnect(NatsServer server, Connection nc) {
    long reconnects = nc.statistics().reconnects();
    server.restart();
    Await.until(
        () -> nc.statistics().reconnects() > reconnects, BOUND, "reconnected after restart");
  }

  static void publishNumbers(JetStream js, String subject, int count) {
    for (int i = 1; i <= count; i++) {
      js.publishAsync(
          subject,
          Integer.toString(i).getBytes(StandardCharsets.US_ASCII),
          PublishOptions.builder().messageId("id-" + i).build());
    }
    js.waitForOutstandingAcks(BOUND);
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await(BOUND.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

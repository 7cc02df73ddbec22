package io.nats4j.jetstream;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the consume ITs share: one JetStream server per class, a fresh connection and JetStream
 * context per test, a stream name of their own (subjects under its lower-case form), the stream
 * deleted after each test if it exists, and the library-thread leak check after the class.
 */
@NatsServerTest
@io.nats4j.testkit.JetStream
abstract class StreamTestBase {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  final NatsServer server;
  private final String streamPrefix;
  Connection nc;
  JetStream js;

  /** This test's stream name: the class's prefix and a number. */
  String stream;

  /** The stream's subject root, {@code stream} in lower case; its subjects are under it. */
  String subject;

  StreamTestBase(NatsServer server, String streamPrefix) {
    this.server = server;
    this.streamPrefix = streamPrefix;
  }

  @BeforeEach
  void connect() {
    nc = Nats.connect(server.clientUrl());
    js = JetStream.of(nc);
    stream = streamPrefix + COUNTER.incrementAndGet();
    subject = stream.toLowerCase();
  }

  @AfterEach
  void deleteStreamAndDisconnect() {
    try {
      js.streams().delete(stream);
    } catch (RuntimeException ignored) {
      // the test did not create it, or deleted it
    }
    js.close();
    nc.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  /**
   * Waits until this test's connection has reconnected more than {@code reconnectsBefore} times.
   * After {@link NatsServer#restart()} a publish can otherwise still go out on the old socket
   * before the client has read its end, and it is lost with that socket (its ack fails).
   */
  void awaitReconnected(long reconnectsBefore) {
    Await.until(
        () -> nc.statistics().reconnects() > reconnectsBefore,
        Duration.ofSeconds(30),
        "the connection came back after the restart");
  }

  /** Returns a subject of this test's stream: {@code <subject>.<last>}. */
  String subject(String last) {
    return subject + "." + last;
  }

  /**
   * Publishes the numbers {@code from} to {@code from + count - 1} as ASCII text to {@code
   * <subject>.<last>}, then waits for every ack.
   */
  void publishNumbers(String last, int from, int count) {
    for (int i = from; i < from + count; i++) {
      js.publishAsync(subject(last), Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
    }
    js.waitForOutstandingAcks(Duration.ofSeconds(30));
  }

  /** Creates this test's stream on {@code <subject>.>}. */
  void createStream(StorageType storage) {
    js.streams()
        .create(StreamConfig.builder(stream).subjects(subject(">")).storage(storage).build());
  }
}

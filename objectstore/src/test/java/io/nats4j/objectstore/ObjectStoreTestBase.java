package io.nats4j.objectstore;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the object store ITs share: one JetStream server per class, a fresh connection, JetStream
 * context, {@link ObjectStoreManager} and bucket name per test, every bucket deleted after each
 * test, and the library-thread leak check after the class.
 */
@NatsServerTest
@io.nats4j.testkit.JetStream
abstract class ObjectStoreTestBase {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  final NatsServer server;
  private final String bucketPrefix;
  Connection nc;
  JetStream js;
  ObjectStoreManager manager;

  /** A bucket name no other test in the class uses: the class's prefix and a number. */
  String bucket;

  ObjectStoreTestBase(NatsServer server, String bucketPrefix) {
    this.server = server;
    this.bucketPrefix = bucketPrefix;
  }

  @BeforeEach
  void connect() {
    nc = Nats.connect(server.clientUrl());
    js = JetStream.of(nc);
    manager = ObjectStoreManager.of(js);
    bucket = bucketPrefix + COUNTER.incrementAndGet();
  }

  @AfterEach
  void disconnect() {
    for (String name : manager.names()) {
      manager.delete(name);
    }
    js.close();
    nc.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }
}

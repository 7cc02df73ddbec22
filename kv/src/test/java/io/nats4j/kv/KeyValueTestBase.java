package io.nats4j.kv;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the bucket ITs share: one JetStream server per class, a fresh connection, JetStream context
 * and {@link KeyValueManager} per test, and the library-thread leak check after the class.
 */
@NatsServerTest
@io.nats4j.testkit.JetStream
abstract class KeyValueTestBase {
  final NatsServer server;
  Connection nc;
  JetStream js;
  KeyValueManager kvm;

  KeyValueTestBase(NatsServer server) {
    this.server = server;
  }

  @BeforeEach
  void connect() {
    nc = Nats.connect(server.clientUrl());
    js = JetStream.of(nc);
    kvm = KeyValueManager.of(js);
  }

  @AfterEach
  void disconnect() {
    js.close();
    nc.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }
}

package io.nats4j.testkit;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@NatsServerTest
@JetStream
class NatsServerExtensionIT {

  private static NatsServer fromBeforeAll;
  private final NatsServer fromConstructor;
  private NatsServer fromBeforeEach;

  NatsServerExtensionIT(NatsServer server) {
    fromConstructor = server;
  }

  @BeforeAll
  static void rememberServer(NatsServer server) {
    fromBeforeAll = server;
  }

  @BeforeEach
  void rememberServerEachTime(NatsServer server) {
    fromBeforeEach = server;
  }

  @Test
  void injectsOneRunningServerPerClass(NatsServer server) {
    assertSame(fromBeforeAll, server);
    assertSame(fromConstructor, server);
    assertSame(fromBeforeEach, server);
    assertTrue(server.isRunning());
  }

  @Test
  void jetStreamOnTheClassEnablesJetStream(NatsServer server) {
    assertTrue(server.info().contains("\"jetstream\":true"), server.info());
    assertTrue(server.monitor("/jsz").contains("\"config\""), server.monitor("/jsz"));
  }

  @Nested
  class NestedTests {
    @Test
    void shareTheOuterClassServer(NatsServer server) {
      assertSame(fromBeforeAll, server);
      assertTrue(server.isRunning());
    }
  }

  @Test
  @RequiresServerVersion("99.0.0")
  void skippedBecauseTheServerIsTooOld() {
    throw new AssertionError("must not run: no nats-server 99 exists");
  }

  @Test
  @RequiresServerVersion("2.0.0")
  void runsBecauseTheServerIsNewEnough(NatsServer server) {
    assertTrue(RequiresServerVersionCondition.compareVersions(server.version(), "2.0.0") >= 0);
  }
}

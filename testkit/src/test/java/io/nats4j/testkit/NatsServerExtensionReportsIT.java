package io.nats4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs small test classes through the JUnit engine to check what the extension reports. */
class NatsServerExtensionReportsIT {

  /** Only true while this class runs the example classes, so the build never runs them alone. */
  private static volatile boolean running;

  private static final AtomicLong leakedPid = new AtomicLong();

  @Test
  void failsTheClassAndKillsAServerItLeftRunning() {
    EngineExecutionResults results = run(LeavesAServerRunning.class);
    Event failure =
        results.containerEvents().failed().stream()
            .findFirst()
            .orElseThrow(() -> new AssertionError("the leaking class did not fail"));
    String message =
        failure
            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
            .map(Throwable::getMessage)
            .orElse("");
    assertTrue(message.contains("left nats-server processes running"), message);
    assertTrue(message.contains("pid " + leakedPid.get()), message);
    assertFalse(ProcessHandle.of(leakedPid.get()).map(ProcessHandle::isAlive).orElse(false));
  }

  @Test
  void printsTheServerLogWhenATestFails() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    EngineExecutionResults results;
    try {
      results = run(FailsWithAServer.class);
    } finally {
      System.setErr(originalErr);
    }
    assertTrue(results.testEvents().failed().count() == 1);
    String err = captured.toString(StandardCharsets.UTF_8);
    assertTrue(err.contains("----- nats-server log of NatsServer[nats://127.0.0.1:"), err);
    assertTrue(err.contains("Server is ready"), err);
    assertTrue(err.contains("test failingTest(NatsServer) failed"), err);
  }

  @Test
  void printsServerLogsOfFailedTestsInClassesWithoutTheExtension() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    running = true;
    try {
      // A real launcher, so ServerLogsOnFailure is found through META-INF/services.
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectClass(FailsWithoutTheExtension.class))
                  .build(),
              summary);
    } finally {
      running = false;
      System.setErr(originalErr);
    }
    assertEquals(1, summary.getSummary().getTotalFailureCount());
    String err = captured.toString(StandardCharsets.UTF_8);
    assertTrue(err.contains("----- nats-server log of NatsServer[nats://127.0.0.1:"), err);
    assertTrue(err.contains("Server is ready"), err);
    assertTrue(err.contains("test failingTest() in "), err);
  }

  private static EngineExecutionResults run(Class<?> testClass) {
    running = true;
    try {
      return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    } finally {
      running = false;
    }
  }

  @NatsServerTest
  static class LeavesAServerRunning {
    @Test
    void startsAndForgets() {
      assumeTrue(running);
      leakedPid.set(NatsServer.start().pid());
    }
  }

  static class FailsWithoutTheExtension {
    private static NatsServer server;

    @BeforeAll
    static void start() {
      assumeTrue(running);
      server = NatsServer.start();
    }

    @AfterAll
    static void stop() {
      if (server != null) {
        server.close();
      }
    }

    @Test
    void failingTest() {
      assertTrue(server.isRunning());
      throw new AssertionError("expected failure");
    }
  }

  @NatsServerTest
  static class FailsWithAServer {
    @Test
    void failingTest(NatsServer server) {
      assumeTrue(running);
      assertTrue(server.isRunning());
      throw new AssertionError("expected failure");
    }
  }
}

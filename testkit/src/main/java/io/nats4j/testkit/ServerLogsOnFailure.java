package io.nats4j.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints the logs of the {@code nats-server}s involved in a failed test to standard error, for
 * every test class, with no annotation needed: the JUnit launcher loads it through {@code
 * META-INF/services} whenever testkit is on the test class path. Classes using {@link
 * NatsServerTest} are left to {@link NatsServerExtension}, which prints the same.
 *
 * <p>Printed for a failed test: servers started during the test, and servers started while its
 * class ran that are still running (e.g. from {@code @BeforeAll}). Thread-safe.
 */
public final class ServerLogsOnFailure implements TestExecutionListener {

  private final Map<String, Long> marks = new ConcurrentHashMap<>();

  /** Created by the JUnit launcher. */
  public ServerLogsOnFailure() {}

  @Override
  public void executionStarted(TestIdentifier identifier) {
    if (identifier.isTest() || identifier.getSource().orElse(null) instanceof ClassSource) {
      marks.put(identifier.getUniqueId(), ServerRegistry.mark());
    }
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    Long mark = marks.remove(identifier.getUniqueId());
    if (mark == null
        || !identifier.isTest()
        || result.getStatus() != TestExecutionResult.Status.FAILED
        || !(identifier.getSource().orElse(null) instanceof MethodSource method)
        || usesExtension(method.getClassName())) {
      return;
    }
    Long classMark = classMark(identifier);
    List<NatsServer> servers = new ArrayList<>();
    if (classMark != null) {
      for (NatsServer server : ServerRegistry.since(classMark)) {
        if (server.sequence() <= mark && server.isRunning()) {
          servers.add(server);
        }
      }
    }
    servers.addAll(ServerRegistry.since(mark));
    ServerLogs.print(servers, identifier.getDisplayName() + " in " + method.getClassName());
  }

  private Long classMark(TestIdentifier test) {
    // The class's unique id is a prefix of its tests' ids: [engine:..]/[class:..]/[method:..]
    Long best = null;
    int bestLength = -1;
    for (Map.Entry<String, Long> entry : marks.entrySet()) {
      String id = entry.getKey();
      if (test.getUniqueId().startsWith(id + "/") && id.length() > bestLength) {
        best = entry.getValue();
        bestLength = id.length();
      }
    }
    return best;
  }

  private static boolean usesExtension(String className) {
    try {
      Class<?> type =
          Class.forName(className, false, Thread.currentThread().getContextClassLoader());
      for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
        if (c.isAnnotationPresent(NatsServerTest.class)) {
          return true;
        }
      }
      return false;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}

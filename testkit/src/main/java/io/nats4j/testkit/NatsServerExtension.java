package io.nats4j.testkit;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension (registered by {@link NatsServerTest}) that injects one {@link NatsServer} per
 * test class into constructors, {@code @BeforeAll}, {@code @BeforeEach} and test methods.
 *
 * <p>The server starts on first use and is closed after the class; {@code @Nested} classes share
 * the server of their outermost class. {@link JetStream} on the class (or an enclosing class, or
 * the parameter) gives it JetStream. When a test fails, the logs of the class's server and of every
 * server the test itself started are printed to standard error. After the class, it fails if any
 * {@code nats-server} process started while the class ran is still alive (and kills it, so nothing
 * outlives the build).
 *
 * <p>Thread-safe: state lives in the JUnit extension context store. Test classes running in
 * parallel each get their own server; the leak check assumes classes in one JVM run one after
 * another (the default).
 */
public final class NatsServerExtension
    implements ParameterResolver,
        BeforeAllCallback,
        BeforeEachCallback,
        AfterAllCallback,
        TestWatcher {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(NatsServerExtension.class);
  private static final String SERVER = "server";
  private static final String CLASS_MARK = "classMark";
  private static final String TEST_MARK = "testMark";

  /** Creates the extension (JUnit does this). */
  public NatsServerExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put(CLASS_MARK, ServerRegistry.mark());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NAMESPACE).put(TEST_MARK, ServerRegistry.mark());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext context) {
    return parameterContext.getParameter().getType() == NatsServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    Parameter parameter = parameterContext.getParameter();
    boolean wantsJetStream =
        parameter.isAnnotationPresent(JetStream.class) || classWantsJetStream(classContext);
    NatsServer server = classContext.getStore(NAMESPACE).get(SERVER, NatsServer.class);
    if (server == null) {
      ServerConfig.Builder builder = ServerConfig.builder();
      if (wantsJetStream) {
        builder.jetStream();
      }
      OverWebSocket ws =
          classContext
              .getTestClass()
              .flatMap(c -> AnnotationSupport.findAnnotation(c, OverWebSocket.class))
              .orElse(null);
      if (ws != null) {
        builder.clientsOverWebSocket();
        if (ws.compression()) {
          builder.websocketCompression();
        }
      }
      ServerConfig config = builder.build();
      server = NatsServer.start(config);
      classContext.getStore(NAMESPACE).put(SERVER, server);
    } else if (wantsJetStream && !server.config().jetStreamEnabled()) {
      throw new ParameterResolutionException(
          "the class's NatsServer was already started without JetStream; put @JetStream on the"
              + " test class");
    }
    return server;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    List<NatsServer> servers = new ArrayList<>();
    NatsServer classServer =
        classContext(context).getStore(NAMESPACE).get(SERVER, NatsServer.class);
    if (classServer != null) {
      servers.add(classServer);
    }
    Long testMark = context.getStore(NAMESPACE).get(TEST_MARK, Long.class);
    if (testMark != null) {
      for (NatsServer server : ServerRegistry.since(testMark)) {
        if (!servers.contains(server)) {
          servers.add(server);
        }
      }
    }
    ServerLogs.print(servers, context.getDisplayName());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    // Nested classes share the outermost class's server; only the outermost closes it.
    NatsServer shared = classContext(context).getStore(NAMESPACE).get(SERVER, NatsServer.class);
    NatsServer server = store.remove(SERVER, NatsServer.class);
    if (server != null) {
      server.close();
    }
    Long mark = store.get(CLASS_MARK, Long.class);
    if (mark == null) {
      return;
    }
    List<String> leaked = new ArrayList<>();
    for (NatsServer started : ServerRegistry.since(mark)) {
      if (started == shared && server == null) {
        continue;
      }
      if (started.isRunning()) {
        leaked.add(started + " pid " + started.pid());
      }
      started.close();
    }
    if (server != null) {
      ServerRegistry.forgetClosedSince(mark);
    }
    if (!leaked.isEmpty()) {
      throw new AssertionError(
          context.getDisplayName()
              + " left nats-server processes running (now killed); close every NatsServer and"
              + " NatsCluster it starts: "
              + leaked);
    }
  }

  /** Returns the context of the outermost test class (nested classes share its server). */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getParent().isPresent()
        && current.getParent().get().getTestClass().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private static boolean classWantsJetStream(ExtensionContext classContext) {
    Class<?> type = classContext.getTestClass().orElse(null);
    while (type != null) {
      if (AnnotationSupport.isAnnotated(type, JetStream.class)) {
        return true;
      }
      type = type.getEnclosingClass();
    }
    return false;
  }
}

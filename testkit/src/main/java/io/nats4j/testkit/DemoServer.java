package io.nats4j.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line launcher used by {@code scripts/demo}: starts a JetStream-enabled {@link NatsServer}
 * on a free port, writes its client URL to the file named by the first argument once the server
 * accepts clients, and keeps it running until the JVM is terminated (SIGTERM, Ctrl-C), when the
 * server is stopped and its files deleted.
 */
public final class DemoServer {

  private DemoServer() {}

  /**
   * Runs the demo server.
   *
   * @param args {@code args[0]}: file to write the client URL to
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: DemoServer <file-to-write-the-client-url-to>");
      System.exit(2);
    }
    NatsServer server = NatsServer.start(ServerConfig.builder().jetStream().build());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "nats4j-demo-server-stop"));
    System.out.println(
        "nats-server "
            + server.version()
            + " with JetStream at "
            + server.clientUrl()
            + " (monitoring "
            + server.monitoringUrl()
            + ", pid "
            + server.pid()
            + ")");
    Path target = Path.of(args[0]);
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temporary, server.clientUrl());
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    new CountDownLatch(1).await();
  }
}

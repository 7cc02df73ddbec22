package io.nats4j.samples;

import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.Jwt;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import io.nats4j.testkit.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The servers {@code scripts/demo} runs the samples against, started through testkit: a plain
 * server with JetStream, a TLS server with a CA generated for the run, and an operator-mode server
 * with a creds file whose JWTs are issued by nats4j-nkeys. Writes what the samples need to a
 * properties file ({@code url}, {@code tls_url}, {@code ws_url}, {@code tls_ca}, {@code creds_url},
 * {@code creds_file}) once all accept clients, then restarts the plain server (same port, same
 * store) whenever the file {@code <properties>.restart} appears, so the demo can show reconnect
 * events. Stops everything when the JVM is terminated.
 */
public final class DemoServers {
  private DemoServers() {}

  /**
   * Runs the demo servers.
   *
   * @param args {@code args[0]}: the properties file to write; {@code args[1]}: a folder for the
   *     creds file
   * @throws Exception if a server cannot start or a file cannot be written
   */
  public static void main(String[] args) throws Exception {
    Path properties = Path.of(args[0]);
    Path folder = Path.of(args[1]);
    List<NatsServer> servers = new ArrayList<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> servers.forEach(NatsServer::close), "nats4j-demo-servers-stop"));

    NatsServer plain =
        NatsServer.start(ServerConfig.builder().jetStream().websocketCompression().build());
    servers.add(plain);
    TestCertificates certificates = TestCertificates.generate();
    NatsServer tls = NatsServer.start(ServerConfig.builder().tls(certificates).build());
    servers.add(tls);
    Path credsFile = folder.resolve("demo-user.creds");
    NatsServer operator = startOperatorMode(credsFile);
    servers.add(operator);

    System.out.printf(
        "nats-server %s: JetStream at %s (WebSocket at %s), TLS at tls://localhost:%d, operator"
            + " mode at %s%n",
        plain.version(), plain.clientUrl(), plain.websocketUrl(), tls.port(), operator.clientUrl());
    String text =
        String.join(
            "\n",
            "url=" + plain.clientUrl(),
            "tls_url=tls://localhost:" + tls.port(),
            "ws_url=" + plain.websocketUrl(),
            "tls_ca=" + certificates.caCertificate(),
            "creds_url=" + operator.clientUrl(),
            "creds_file=" + credsFile,
            "");
    writeAtomically(properties, text);
    restartOnRequest(plain, properties.resolveSibling(properties.getFileName() + ".restart"));
  }

  private static NatsServer startOperatorMode(Path credsFile) throws IOException {
    try (NKey operatorKey = NKey.create(KeyType.OPERATOR);
        NKey systemAccount = NKey.create(KeyType.ACCOUNT);
        NKey account = NKey.create(KeyType.ACCOUNT);
        NKey user = NKey.create(KeyType.USER)) {
      String operatorJwt =
          Jwt.operator("demo").systemAccount(systemAccount.publicKey()).sign(operatorKey);
      Map<String, String> accounts =
          Map.of(
              systemAccount.publicKey(),
              Jwt.account(systemAccount.publicKey(), "SYS").sign(operatorKey),
              account.publicKey(),
              Jwt.account(account.publicKey(), "DEMO").sign(operatorKey));
      String userJwt = Jwt.user(user.publicKey(), "demo-user").sign(account);
      char[] seed = user.seed();
      char[] creds = Creds.format(userJwt, seed);
      Files.writeString(credsFile, new String(creds));
      Arrays.fill(seed, '\0');
      Arrays.fill(creds, '\0');
      return NatsServer.start(
          ServerConfig.builder()
              .operator(operatorJwt, systemAccount.publicKey(), accounts)
              .build());
    }
  }

  private static void restartOnRequest(NatsServer server, Path trigger) throws Exception {
    try (WatchService watcher = trigger.getFileSystem().newWatchService()) {
      trigger.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
      while (true) {
        WatchKey key = watcher.take();
        key.pollEvents();
        if (Files.deleteIfExists(trigger)) {
          System.out.println("restarting the server at " + server.clientUrl());
          server.restart();
          System.out.println("restarted the server at " + server.clientUrl());
        }
        key.reset();
      }
    }
  }

  private static void writeAtomically(Path target, String text) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temporary, text);
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
  }
}

package io.nats4j.samples;

import static io.nats4j.samples.SampleOutput.run;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.AuthenticationException;
import io.nats4j.client.NatsException;
import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.Jwt;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import io.nats4j.testkit.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the security samples against the servers they need (which scripts/demo's single plain server
 * is not): an operator-mode server with a creds file, and TLS servers with a test CA.
 */
class SecuritySamplesIT {

  @TempDir Path temp;

  @Test
  void connectWithCredsAgainstOperatorModeServer() throws Exception {
    try (NKey operator = NKey.create(KeyType.OPERATOR);
        NKey account = NKey.create(KeyType.ACCOUNT);
        NKey user = NKey.create(KeyType.USER);
        NatsServer server =
            NatsServer.start(
                ServerConfig.builder()
                    .operator(
                        Jwt.operator("demo").systemAccount(account.publicKey()).sign(operator),
                        account.publicKey(),
                        Map.of(
                            account.publicKey(),
                            Jwt.account(account.publicKey(), "DEMO").sign(operator)))
                    .build())) {
      Path creds = temp.resolve("demo.creds");
      String userJwt = Jwt.user(user.publicKey(), "demo-user").sign(account);
      Files.writeString(creds, new String(Creds.format(userJwt, user.seed())));
      String out =
          run(() -> ConnectWithCreds.main(new String[] {server.clientUrl(), creds.toString()}));
      assertTrue(out.contains("received: hello from an authenticated user"), out);

      try (NKey stranger = NKey.create(KeyType.USER)) {
        Files.writeString(creds, new String(Creds.format(userJwt, stranger.seed())));
      }
      assertThrows(
          AuthenticationException.class,
          () -> ConnectWithCreds.main(new String[] {server.clientUrl(), creds.toString()}));
    }
  }

  @Test
  void tlsWithCaAndWithClientCertificate() throws Exception {
    TestCertificates certs = TestCertificates.generate();
    String ca = certs.caCertificate().toString();
    try (NatsServer server = NatsServer.start(ServerConfig.builder().tls(certs).build())) {
      String url = "tls://localhost:" + server.port();
      assertTrue(run(() -> Tls.main(new String[] {url, ca})).contains("received: hello over TLS"));
      // by IP address the certificate (DNS:localhost only) does not match: refused
      assertThrows(
          NatsException.class,
          () -> Tls.main(new String[] {"tls://127.0.0.1:" + server.port(), ca}));
    }
    try (NatsServer mtls =
        NatsServer.start(ServerConfig.builder().tls(certs).verifyClientCertificates().build())) {
      String url = "tls://localhost:" + mtls.port();
      String cert = certs.clientCertificate().toString();
      String key = certs.clientKey().toString();
      assertTrue(
          run(() -> Tls.main(new String[] {url, ca, cert, key})).contains("received: hello"));
    }
  }
}

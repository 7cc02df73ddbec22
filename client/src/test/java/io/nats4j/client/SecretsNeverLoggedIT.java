package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs never show passwords, tokens, seeds or JWTs: a child JVM logging at TRACE connects with
 * every kind of secret, right and wrong, and logs options and exceptions as an application would;
 * its whole output must contain none of the secrets.
 */
class SecretsNeverLoggedIT {

  @TempDir Path temp;

  @Test
  void noSecretInTraceLogsOptionsOrExceptions() throws Exception {
    try (NKey nkeyUser = NKey.create(KeyType.USER);
        NKey wrongUser = NKey.create(KeyType.USER);
        NKey credsUser = NKey.create(KeyType.USER);
        NatsServer users =
            NatsServer.start(
                ServerConfig.builder()
                    .user("ann", "pass-RIGHT-1")
                    .nkeyUser(nkeyUser.publicKey())
                    .build());
        NatsServer tokens = NatsServer.start(ServerConfig.builder().token("tok-RIGHT-2").build());
        OperatorFixture operatorMode = OperatorFixture.start()) {
      String nkeySeed = new String(nkeyUser.seed());
      String wrongSeed = new String(wrongUser.seed());
      String userJwt = operatorMode.userJwt(credsUser, "c");
      String credsSeed = new String(credsUser.seed());
      Path creds = temp.resolve("app.creds");
      Files.writeString(creds, new String(Creds.format(userJwt, credsUser.seed())));
      Path wrongCreds = temp.resolve("wrong.creds");
      Files.writeString(wrongCreds, new String(Creds.format(userJwt, wrongUser.seed())));

      List<String> secrets =
          List.of(
              "pass-RIGHT-1",
              "pass-WRONG-3",
              "tok-RIGHT-2",
              "tok-WRONG-4",
              "url-PASS-5",
              nkeySeed,
              wrongSeed,
              credsSeed,
              userJwt);
      String hostPort = "127.0.0.1:" + users.port();
      String output =
          runProbe(
              "userpass",
              users.clientUrl(),
              "ann:pass-RIGHT-1",
              "userpass",
              users.clientUrl(),
              "ann:pass-WRONG-3",
              "urlcreds",
              "nats://ann:url-PASS-5@" + hostPort,
              "-",
              "token",
              tokens.clientUrl(),
              "tok-RIGHT-2",
              "token",
              tokens.clientUrl(),
              "tok-WRONG-4",
              "urlcreds",
              "nats://tok-RIGHT-2@127.0.0.1:" + tokens.port(),
              "-",
              "seed",
              users.clientUrl(),
              nkeySeed,
              "seed",
              users.clientUrl(),
              wrongSeed,
              "creds",
              operatorMode.server().clientUrl(),
              creds.toString(),
              "creds",
              operatorMode.server().clientUrl(),
              wrongCreds.toString());

      assertTrue(output.contains("PROBE DONE"), output);
      assertTrue(output.contains("DEBUG"), "the probe really logged at DEBUG/TRACE:\n" + output);
      assertTrue(output.contains("Authorization Violation"), "failures were logged:\n" + output);
      assertEquals(
          5,
          count(output, "INFO application - connected to "),
          "five connects succeed, five fail:\n" + output);
      for (String secret : secrets) {
        assertFalse(output.contains(secret), "a secret leaked into the logs:\n" + output);
        assertFalse(
            secret.length() > 24 && output.contains(secret.substring(4, 24)),
            "part of a secret leaked into the logs");
      }
    }
  }

  private String runProbe(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace");
    command.add(SecretsInLogsProbe.class.getName());
    command.addAll(List.of(args));
    Path log = temp.resolve("probe.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("probe did not finish in 120 s");
    }
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}

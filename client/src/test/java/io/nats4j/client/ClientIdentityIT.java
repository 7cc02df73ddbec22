package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees in the server's {@code /connz}: nats4j connections say they are nats4j
 * (jnats says {@code "lang":"java"}) and carry the version of the build that made the jar.
 */
@NatsServerTest
class ClientIdentityIT {
  private final NatsServer server;

  ClientIdentityIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  /** The version of this build, from the module's POM (what the jar is built as). */
  private static String buildVersion() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher parent =
        Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
    assertTrue(parent.find(), "client/pom.xml names its parent version");
    return parent.group(1);
  }

  private static String field(String connection, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(connection);
    return m.find() ? m.group(1) : null;
  }

  /** The JSON object of the connection named {@code name} in {@code /connz}. */
  private String connz(String name) {
    String connz = server.monitor("/connz");
    Matcher m =
        Pattern.compile("\\{[^{}]*\"name\"\\s*:\\s*\"" + name + "\"[^{}]*\\}").matcher(connz);
    assertTrue(m.find(), name + " in /connz: " + connz);
    return m.group();
  }

  @Test
  void connzShowsNats4jAndTheBuildVersion() throws IOException {
    try (Connection nc =
        Nats.connect(Options.builder().server(server.clientUrl()).name("identity-probe").build())) {
      nc.flush(java.time.Duration.ofSeconds(5));
      String c = connz("identity-probe");
      assertEquals("nats4j", field(c, "lang"), c);
      assertEquals(buildVersion(), field(c, "version"), c);
      assertEquals(buildVersion(), Nats.version());
    }
  }
}

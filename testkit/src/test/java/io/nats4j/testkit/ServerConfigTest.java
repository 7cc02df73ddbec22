package io.nats4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

  private static final ConfigRenderer.Ports RANDOM = new ConfigRenderer.Ports(-1, -1, -1, -1);
  private static final Path DIR = Path.of("/tmp/work");

  private static String render(ServerConfig config) {
    return ConfigRenderer.render(config, RANDOM, DIR, DIR.resolve("js"), DIR.resolve("op.jwt"));
  }

  @Test
  void defaultsListenOnLoopbackWithMonitoringAndPortsFile() {
    String text = render(ServerConfig.defaults());
    assertTrue(text.contains("host: 127.0.0.1\n"), text);
    assertTrue(text.contains("port: -1\n"), text);
    assertTrue(text.contains("http: \"127.0.0.1:-1\"\n"), text);
    assertTrue(text.contains("ports_file_dir: \"/tmp/work\"\n"), text);
    assertTrue(text.contains("debug: false\ntrace: false\n"), text);
    assertFalse(text.contains("jetstream"), text);
    assertFalse(text.contains("authorization"), text);
  }

  @Test
  void restartUsesTheKnownPorts() {
    String text =
        ConfigRenderer.render(
            ServerConfig.builder().websocket().build(),
            new ConfigRenderer.Ports(4222, 8222, 9222, -1),
            DIR,
            null,
            DIR);
    assertTrue(text.contains("port: 4222\n"), text);
    assertTrue(text.contains("http: \"127.0.0.1:8222\"\n"), text);
    assertTrue(text.contains("websocket { host: 127.0.0.1, port: 9222, no_tls: true }"), text);
  }

  @Test
  void rendersWebSocketListenerOptions() {
    TestCertificates certs = TestCertificates.generate();
    String text =
        ConfigRenderer.render(
            ServerConfig.builder()
                .websocketTls(certs)
                .websocketVerifyClientCertificates()
                .websocketCompression()
                .websocketOption("same_origin: false")
                .clientsOverWebSocket()
                .build(),
            new ConfigRenderer.Ports(4222, 8222, 9222, -1),
            DIR,
            null,
            DIR);
    assertTrue(text.contains("websocket {\n  host: 127.0.0.1\n  port: 9222\n  tls {\n"), text);
    assertTrue(text.contains("    verify: true\n  }\n  compression: true\n"), text);
    assertTrue(text.contains("  same_origin: false\n}"), text);
    assertFalse(text.contains("no_tls"), text);
    assertThrows(
        IllegalStateException.class,
        () -> ServerConfig.builder().websocketVerifyClientCertificates().websocket().build());
    assertThrows(
        IllegalStateException.class, () -> ServerConfig.builder().websocketJwtCookie("j").build());
  }

  @Test
  void rendersJetStreamUsersPermissionsAndEscapes() {
    ServerConfig config =
        ServerConfig.builder()
            .jetStream()
            .user("a\"b", "p\\w")
            .user("c", "d", Permissions.publishAllow("x.>").andSubscribeDeny("y", "z"))
            .nkeyUser("UABC", Permissions.none())
            .maxPayload(1024)
            .build();
    String text = render(config);
    assertTrue(text.contains("jetstream { store_dir: \"/tmp/work/js\" }"), text);
    assertTrue(text.contains("{ user: \"a\\\"b\", password: \"p\\\\w\" }"), text);
    assertTrue(
        text.contains(
            "{ user: \"c\", password: \"d\", permissions: { publish: { allow: [\"x.>\"] },"
                + " subscribe: { deny: [\"y\", \"z\"] } } }"),
        text);
    assertTrue(text.contains("{ nkey: \"UABC\" }"), text);
    assertTrue(text.contains("max_payload: 1024\n"), text);
  }

  @Test
  void rendersOperatorModeWithMemoryResolverAndPreload() {
    String text =
        render(ServerConfig.builder().operator("eyJop", "ASYS", Map.of("AAPP", "eyJacc")).build());
    assertTrue(text.contains("operator: \"/tmp/work/op.jwt\"\n"), text);
    assertTrue(text.contains("system_account: \"ASYS\"\n"), text);
    assertTrue(text.contains("resolver: MEMORY\n"), text);
    assertTrue(text.contains("resolver_preload: {\n  \"AAPP\": \"eyJacc\"\n}"), text);
  }

  @Test
  void rendersClusterRoutesToEveryNode() {
    ServerConfig config =
        ServerConfig.builder().serverName("n-1").cluster("c", List.of(6001, 6002)).build();
    String text =
        ConfigRenderer.render(config, new ConfigRenderer.Ports(-1, -1, -1, 6002), DIR, null, DIR);
    assertTrue(text.contains("server_name: \"n-1\""), text);
    assertTrue(text.contains("listen: \"127.0.0.1:6002\""), text);
    assertTrue(
        text.contains("routes: [\"nats-route://127.0.0.1:6001\", \"nats-route://127.0.0.1:6002\"]"),
        text);
  }

  @Test
  void appendsFragmentsLast() {
    String text = render(ServerConfig.builder().configFragment("max_connections: 3").build());
    assertTrue(text.endsWith("max_connections: 3\n"), text);
  }

  @Test
  void toStringNeverShowsSecrets() {
    String users = ServerConfig.builder().user("alice", "hunter2").build().toString();
    assertTrue(users.contains("alice"), users);
    assertFalse(users.contains("hunter2"), users);
    String token = ServerConfig.builder().token("t0psecret").build().toString();
    assertFalse(token.contains("t0psecret"), token);
    String operator =
        ServerConfig.builder()
            .operator("eyJsecretjwt", "ASYS", Map.of("AX", "eyJacct"))
            .build()
            .toString();
    assertFalse(operator.contains("eyJ"), operator);
  }

  @Test
  void rejectsContradictions() {
    assertThrows(
        IllegalStateException.class,
        () -> ServerConfig.builder().token("t").user("u", "p").build());
    assertThrows(
        IllegalStateException.class,
        () -> ServerConfig.builder().operator("j", "A", Map.of()).user("u", "p").build());
    assertThrows(
        IllegalStateException.class,
        () -> ServerConfig.builder().verifyClientCertificates().build());
    assertThrows(
        IllegalStateException.class, () -> ServerConfig.builder().tlsHandshakeFirst().build());
    assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().maxPayload(0));
    assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().nkeyUser("ABC"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerConfig.builder().lameDuck(Duration.ofSeconds(5), Duration.ofSeconds(1)));
  }

  @Test
  void toBuilderCopiesEverything() {
    ServerConfig original = ServerConfig.builder().jetStream().user("u", "p").maxPayload(9).build();
    ServerConfig copy = original.toBuilder().build();
    assertEquals(render(original), render(copy));
  }

  @Test
  void comparesVersionsNumerically() {
    assertTrue(RequiresServerVersionCondition.compareVersions("2.10.0", "2.9.10") > 0);
    assertTrue(RequiresServerVersionCondition.compareVersions("2.15.2", "2.15.2") == 0);
    assertTrue(RequiresServerVersionCondition.compareVersions("v2.15.2", "2.15") > 0);
    assertTrue(RequiresServerVersionCondition.compareVersions("2.12.0-beta.1", "2.12.0") < 0);
    assertTrue(RequiresServerVersionCondition.compareVersions("2.15.2", "99.0.0") < 0);
  }
}

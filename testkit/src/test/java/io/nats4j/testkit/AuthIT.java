package io.nats4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuthIT {

  private static final String UNLIMITED_ACCOUNT =
      "{\"type\":\"account\",\"version\":2,\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,"
          + "\"imports\":-1,\"exports\":-1,\"wildcards\":true,\"conn\":-1,\"leaf\":-1,"
          + "\"mem_storage\":-1,\"disk_storage\":-1,\"streams\":-1,\"consumer\":-1}}";
  private static final String UNLIMITED_USER =
      "{\"type\":\"user\",\"version\":2,\"pub\":{},\"sub\":{},\"subs\":-1,\"data\":-1,"
          + "\"payload\":-1}";

  @Test
  void usersNeedTheirPassword() throws IOException {
    ServerConfig config =
        ServerConfig.builder().user("alice", "a\"lic\\e").user("bob", "b0b").build();
    try (NatsServer server = NatsServer.start(config)) {
      try (RawClient client = RawClient.connect(server)) {
        assertTrue(client.info.contains("\"auth_required\":true"), client.info);
        client.handshake("{\"verbose\":false,\"user\":\"alice\",\"pass\":\"a\\\"lic\\\\e\"}");
      }
      try (RawClient client = RawClient.connect(server)) {
        client.handshake("{\"verbose\":false,\"user\":\"bob\",\"pass\":\"b0b\"}");
      }
      assertAuthorizationViolation(server, "{\"verbose\":false,\"user\":\"bob\",\"pass\":\"x\"}");
    }
  }

  @Test
  void tokenIsRequired() throws IOException {
    try (NatsServer server = NatsServer.start(ServerConfig.builder().token("t0ken").build())) {
      try (RawClient client = RawClient.connect(server)) {
        client.handshake("{\"verbose\":false,\"auth_token\":\"t0ken\"}");
      }
      assertAuthorizationViolation(server, "{\"verbose\":false,\"auth_token\":\"nope\"}");
    }
  }

  @Test
  void permissionsAreEnforced() throws IOException {
    Permissions permissions =
        Permissions.publishAllow("allowed.>")
            .andSubscribeAllow("_INBOX.>")
            .andPublishDeny("allowed.not");
    ServerConfig config = ServerConfig.builder().user("limited", "pw", permissions).build();
    try (NatsServer server = NatsServer.start(config);
        RawClient client = RawClient.connect(server)) {
      client.handshake("{\"verbose\":false,\"user\":\"limited\",\"pass\":\"pw\"}");
      client.send("SUB _INBOX.mine 1\r\nPUB allowed.yes 0\r\n\r\nPING\r\n");
      assertEquals("PONG", client.readUntil("PONG"));
      client.send("PUB forbidden 0\r\n\r\n");
      assertTrue(
          client.readUntil("-ERR").contains("Permissions Violation for Publish to \"forbidden\""));
      client.send("PUB allowed.not 0\r\n\r\n");
      assertTrue(
          client
              .readUntil("-ERR")
              .contains("Permissions Violation for Publish to \"allowed.not\""));
      client.send("SUB other 2\r\n");
      assertTrue(
          client.readUntil("-ERR").contains("Permissions Violation for Subscription to \"other\""));
    }
  }

  @Test
  void nkeyUserSignsTheNonce() throws IOException {
    TestNkeys user = TestNkeys.create(TestNkeys.USER);
    try (NatsServer server =
            NatsServer.start(ServerConfig.builder().nkeyUser(user.publicKey()).build());
        RawClient client = RawClient.connect(server)) {
      String nonce = nonce(client.info);
      client.handshake(
          "{\"verbose\":false,\"nkey\":\""
              + user.publicKey()
              + "\",\"sig\":\""
              + user.signNonce(nonce)
              + "\"}");
    }
  }

  @Test
  void operatorModeAcceptsAUserOfAPreloadedAccount() throws IOException {
    TestNkeys operator = TestNkeys.create(TestNkeys.OPERATOR);
    TestNkeys system = TestNkeys.create(TestNkeys.ACCOUNT);
    TestNkeys account = TestNkeys.create(TestNkeys.ACCOUNT);
    TestNkeys user = TestNkeys.create(TestNkeys.USER);
    String operatorJwt =
        operator.issue(operator.publicKey(), "op", "{\"type\":\"operator\",\"version\":2}");
    Map<String, String> accounts =
        Map.of(
            system.publicKey(), operator.issue(system.publicKey(), "SYS", UNLIMITED_ACCOUNT),
            account.publicKey(), operator.issue(account.publicKey(), "APP", UNLIMITED_ACCOUNT));
    String userJwt = account.issue(user.publicKey(), "app-user", UNLIMITED_USER);
    ServerConfig config =
        ServerConfig.builder().operator(operatorJwt, system.publicKey(), accounts).build();
    assertTrue(!config.toString().contains(operatorJwt), config.toString());
    try (NatsServer server = NatsServer.start(config);
        RawClient client = RawClient.connect(server)) {
      client.handshake(
          "{\"verbose\":false,\"jwt\":\""
              + userJwt
              + "\",\"sig\":\""
              + user.signNonce(nonce(client.info))
              + "\"}");
      assertTrue(server.monitor("/accountz").contains(account.publicKey()));
    }
  }

  @Test
  void maxPayloadWebsocketAndFragmentsAreApplied() throws IOException {
    ServerConfig config =
        ServerConfig.builder()
            .maxPayload(4096)
            .websocket()
            .serverName("configured")
            .configFragment("max_connections: 7")
            .build();
    try (NatsServer server = NatsServer.start(config);
        RawClient client = RawClient.connect(server)) {
      assertTrue(client.info.contains("\"max_payload\":4096"), client.info);
      assertTrue(client.info.contains("\"server_name\":\"configured\""), client.info);
      String varz = server.monitor("/varz").replace(" ", "");
      assertTrue(varz.contains("\"max_connections\":7"), varz);
      assertTrue(server.websocketPort() > 0);
      assertTrue(varz.contains("\"port\":" + server.websocketPort()), varz);
      assertEquals("ws://127.0.0.1:" + server.websocketPort(), server.websocketUrl());
    }
  }

  private static void assertAuthorizationViolation(NatsServer server, String connectJson)
      throws IOException {
    try (RawClient client = RawClient.connect(server)) {
      IOException failure = assertThrows(IOException.class, () -> client.handshake(connectJson));
      assertTrue(failure.getMessage().contains("Authorization Violation"), failure.getMessage());
    }
  }

  private static String nonce(String info) {
    Matcher matcher = Pattern.compile("\"nonce\":\"([^\"]+)\"").matcher(info);
    assertTrue(matcher.find(), info);
    return matcher.group(1);
  }
}

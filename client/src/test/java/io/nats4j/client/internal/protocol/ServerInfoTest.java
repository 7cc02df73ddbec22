package io.nats4j.client.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.ProtocolException;
import io.nats4j.client.ServerInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INFO lines captured from nats-server 2.15.2 (see the resources next to this class). */
class ServerInfoTest {

  @Test
  void parsesInfoCapturedFromAJetStreamServer() throws IOException {
    Info op = parseCaptured("info-2.15.2-jetstream.txt");
    ServerInfo info = op.info();
    assertEquals("NCW4JTO2C7TLNSVTEJ5OXHIZJV4VLFHZM2H7FOON4CM5NK65Q2YUP3DG", info.serverId());
    assertEquals(info.serverId(), info.serverName());
    assertEquals("2.15.2", info.version());
    assertEquals("0.0.0.0", info.host());
    assertEquals(14222, info.port());
    assertTrue(info.headers());
    assertEquals(1048576, info.maxPayload());
    assertEquals(1, info.protocol());
    assertTrue(info.jetStream());
    assertEquals(6, info.clientId());
    assertEquals("127.0.0.1", info.clientIp());
    assertEquals(5, info.apiLevel());
    assertEquals(List.of(), info.connectUrls());
    assertFalse(info.tlsRequired() || info.authRequired() || info.lameDuckMode());
    assertNull(info.cluster());
    assertNull(op.nonce());
  }

  @Test
  void parsesInfoCapturedFromAClusterMember() throws IOException {
    ServerInfo info = parseCaptured("info-2.15.2-cluster.txt").info();
    assertEquals("s1", info.serverName());
    assertEquals("c1", info.cluster());
    assertEquals(
        List.of("192.0.2.2:14222", "[fd00::2]:14222", "192.0.2.2:14223", "[fd00::2]:14223"),
        info.connectUrls());
    assertFalse(info.jetStream());
  }

  @Test
  void missingFieldsGetDefaultsAndUnknownOnesAreIgnored() {
    Info op =
        Info.fromJson(
            "{\"server_id\":\"X\",\"future\":{\"nested\":[1,2.5,-3e2,true,null,\"s\"]},"
                + "\"nonce\":\"abc\",\"domain\":\"hub\",\"tls_available\":true,\"cid\":9}");
    ServerInfo info = op.info();
    assertEquals("X", info.serverId());
    assertEquals(0, info.apiLevel());
    assertEquals(0, info.maxPayload());
    assertEquals("hub", info.domain());
    assertTrue(info.tlsAvailable());
    assertEquals(9, info.clientId());
    assertEquals("abc", op.nonce());
    assertFalse(op.toString().contains("abc"), op.toString());
  }

  @Test
  void serverInfoIsImmutable() {
    List<String> urls = new ArrayList<>(List.of("a:1"));
    ServerInfo info = ServerInfo.builder().serverId("id").version("v").connectUrls(urls).build();
    urls.add("b:2");
    assertEquals(List.of("a:1"), info.connectUrls());
    assertThrows(UnsupportedOperationException.class, () -> info.connectUrls().add("c:3"));
  }

  @Test
  void infoThatIsNotJsonIsAProtocolError() {
    assertThrows(ProtocolException.class, () -> Info.fromJson("not json"));
    assertThrows(ProtocolException.class, () -> Info.fromJson("{\"connect_urls\":[1]}"));
    assertThrows(ProtocolException.class, () -> Info.fromJson("{\"headers\":\"yes\"}"));
  }

  private static Info parseCaptured(String resource) throws IOException {
    byte[] line;
    try (InputStream in = ServerInfoTest.class.getResourceAsStream(resource)) {
      line = in.readAllBytes();
    }
    assertTrue(new String(line, StandardCharsets.UTF_8).endsWith("\r\n"));
    List<ServerOp> ops = new ArrayList<>();
    new ProtocolParser(ProtocolParser.DEFAULT_MAX_CONTROL_LINE, 1 << 20)
        .parse(line, 0, line.length, ops::add);
    assertEquals(1, ops.size());
    return (Info) ops.get(0);
  }
}

package io.nats4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NatsServerIT {

  @Test
  void startsOnAFreePortAndAnswersInfo() throws IOException {
    try (NatsServer server = NatsServer.start();
        RawClient client = RawClient.connect(server)) {
      assertTrue(client.info.startsWith("INFO {"), client.info);
      assertTrue(client.info.contains("\"port\":" + server.port()), client.info);
      assertEquals("nats://127.0.0.1:" + server.port(), server.clientUrl());
      client.handshake("{\"verbose\":false}");
      assertTrue(server.monitor("/varz").contains("\"server_id\""));
    }
  }

  @Test
  void twoServersRunSideBySide() throws IOException {
    try (NatsServer first = NatsServer.start();
        NatsServer second = NatsServer.start();
        RawClient a = RawClient.connect(first);
        RawClient b = RawClient.connect(second)) {
      assertNotEquals(first.port(), second.port());
      assertNotEquals(first.monitoringPort(), second.monitoringPort());
      assertNotEquals(first.pid(), second.pid());
      a.handshake("{\"verbose\":false}");
      b.handshake("{\"verbose\":true}");
    }
  }

  @Test
  void reportsTheVersionOfTheBinary() {
    try (NatsServer server = NatsServer.start()) {
      assertEquals(ServerBinary.version(), server.version());
      assertTrue(
          server.monitor("/varz").replace(" ", "").contains("\"version\":\"" + server.version()));
    }
    assertTrue(ServerBinary.version().matches("\\d+\\.\\d+\\.\\d+.*"), ServerBinary.version());
  }

  @Test
  void killLeavesNoProcess() {
    try (NatsServer server = NatsServer.start()) {
      long pid = server.pid();
      assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
      server.kill();
      assertFalse(server.isRunning());
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
  }

  @Test
  void closeDeletesTheWorkDirectoryAndKeepsTheLog() {
    NatsServer server = NatsServer.start(ServerConfig.builder().jetStream().build());
    Path store = server.storeDir();
    assertTrue(Files.isDirectory(store));
    server.close();
    server.close();
    assertFalse(Files.exists(store));
    assertTrue(server.log().contains("Server is ready"), server.log());
  }
}

package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.NoRespondersException;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server whose JetStream has a domain: the API prefix becomes {@code $JS.<domain>.API}. */
class DomainIT {

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void aDomainContextTalksToThatDomainAndAcksNameIt(@TempDir Path store) {
    String storeDir = store.toString().replace("\\", "/");
    ServerConfig config =
        ServerConfig.builder()
            .configFragment("jetstream { store_dir: \"" + storeDir + "\", domain: hub }")
            .build();
    try (NatsServer server = NatsServer.start(config);
        Connection nc = Nats.connect(server.clientUrl());
        JetStream hub = JetStream.of(nc, JetStreamOptions.builder().domain("hub").build());
        JetStream elsewhere =
            JetStream.of(nc, JetStreamOptions.builder().domain("nowhere").build())) {
      assertEquals("hub", hub.accountInfo().domain());
      StreamInfo info = hub.streams().create(StreamConfig.builder("DOM").subjects("dom.>").build());
      assertEquals("DOM", info.config().name());
      PubAck ack = hub.publish("dom.a", new byte[] {1});
      assertEquals("hub", ack.domain());
      assertEquals(1, ack.seq());

      JetStreamException e = assertThrows(JetStreamException.class, elsewhere::accountInfo);
      assertTrue(e.getMessage().contains("$JS.nowhere.API.INFO"), e.getMessage());
      assertInstanceOf(NoRespondersException.class, e.getCause());
    }
  }
}

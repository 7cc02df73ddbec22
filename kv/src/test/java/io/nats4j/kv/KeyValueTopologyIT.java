package io.nats4j.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamOptions;
import io.nats4j.jetstream.StreamSource;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.InteropTools;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Buckets through a JetStream domain, and mirror and source buckets. */
class KeyValueTopologyIT {
  @TempDir static Path store;
  private static NatsServer server;
  private static Connection nc;

  @BeforeAll
  static void start() {
    String dir = store.toString().replace("\\", "/");
    server =
        NatsServer.start(
            ServerConfig.builder()
                .configFragment("jetstream { store_dir: \"" + dir + "\", domain: hub }")
                .build());
    nc = Nats.connect(server.clientUrl());
  }

  @AfterAll
  static void stop() {
    nc.close();
    server.close();
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void aBucketInADomainIsCreatedWrittenAndReadThroughThatDomain() {
    try (JetStream hub = JetStream.of(nc, JetStreamOptions.builder().domain("hub").build())) {
      KeyValueManager kvm = KeyValueManager.of(hub);
      KeyValue kv = kvm.create(KeyValueConfig.builder("DOM").history(5).build());
      long r1 = kv.put("k", "v1");
      kv.update("k", "v2", r1);
      kv.put("other", "o");
      kv.delete("other");
      assertEquals("v2", kv.get("k").orElseThrow().valueAsString());
      assertEquals("v1", kv.get("k", r1).orElseThrow().valueAsString());
      assertEquals(1, kv.getAll("k", "other").size());
      assertTrue(kvm.names().contains("DOM"));
      assertEquals(3, kv.status().values() - 1);
      if (InteropTools.natsCli().isPresent()) {
        assertEquals(
            "v2",
            InteropTools.nats(
                    server.clientUrl(),
                    Duration.ofSeconds(30),
                    "--js-domain=hub",
                    "kv",
                    "get",
                    "DOM",
                    "k",
                    "--raw")
                .expectSuccess());
      }
    }
  }

  @Test
  void writesThroughAMirrorGoToTheOriginAndReadsGoWhereTheCliReads() {
    try (JetStream js = JetStream.of(nc)) {
      KeyValueManager kvm = KeyValueManager.of(js);
      KeyValue origin = kvm.create(KeyValueConfig.builder("ORIGIN").build());
      KeyValue mirror =
          kvm.create(KeyValueConfig.builder("READER").mirror(StreamSource.of("ORIGIN")).build());
      assertEquals("KV_ORIGIN", mirror.status().config().mirror().name());
      long rev = mirror.put("k", "through the mirror");
      assertEquals("through the mirror", origin.get("k").orElseThrow().valueAsString());
      assertEquals(rev, origin.get("k").orElseThrow().revision());
      Await.until(() -> mirror.status().values() == 1, "the mirror caught up");
      assumeTrue(InteropTools.natsCli().isPresent(), "nats CLI missing for the read comparison");
      InteropTools.Result cli =
          InteropTools.nats(
              server.clientUrl(), Duration.ofSeconds(30), "kv", "get", "READER", "k", "--raw");
      // nats.go reads a same-domain mirror under the mirror's own name: we read exactly as it does.
      assertEquals(cli.exitCode() == 0, mirror.get("k").isPresent(), cli.toString());
      if (cli.exitCode() == 0) {
        assertEquals(cli.stdout(), mirror.get("k").orElseThrow().valueAsString());
      }
    }
  }

  @Test
  void aSourcedBucketReceivesTheKeysOfItsOrigins() {
    try (JetStream js = JetStream.of(nc)) {
      KeyValueManager kvm = KeyValueManager.of(js);
      KeyValue a = kvm.create(KeyValueConfig.builder("SRC_A").build());
      KeyValue b = kvm.create(KeyValueConfig.builder("SRC_B").build());
      a.put("from.a", "A");
      b.put("from.b", "B");
      KeyValue agg =
          kvm.create(
              KeyValueConfig.builder("AGG")
                  .sources(StreamSource.of("SRC_A"), StreamSource.of("KV_SRC_B"))
                  .build());
      Await.until(() -> agg.getAll("from.a", "from.b").size() == 2, "both sources arrived");
      assertEquals("A", agg.get("from.a").orElseThrow().valueAsString());
      agg.put("local", "L");
      assertEquals(List.of("local"), List.copyOf(agg.getAll("local").keySet()));
      assertTrue(a.get("local").isEmpty(), "a sourced bucket writes to itself");
      assertEquals(2, agg.status().config().sources().size());
    }
  }
}

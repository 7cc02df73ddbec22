package io.nats4j.jetstream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import io.nats4j.testkit.RequiresServerVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@NatsServerTest
@io.nats4j.testkit.JetStream
class StreamManagementIT {
  private final NatsServer server;
  private Connection nc;
  private JetStream js;

  StreamManagementIT(NatsServer server) {
    this.server = server;
  }

  @BeforeEach
  void connect() {
    nc = Nats.connect(server.clientUrl());
    js = JetStream.of(nc);
  }

  @AfterEach
  void disconnect() {
    js.close();
    nc.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void accountInfoReportsTheServersApiLevel() {
    AccountInfo info = js.accountInfo();
    assertEquals(info.api().level(), js.apiLevel(), "the client's level is the server's");
    if (server.version().startsWith("2.15.")) {
      assertTrue(js.apiLevel() >= 4, "2.15 servers report api level >= 4");
    }
  }

  @Test
  void createsUpdatesInspectsAndDeletesAStream() {
    StreamInfo created =
        js.streams()
            .create(
                StreamConfig.builder("LIFECYCLE")
                    .subjects("life.>")
                    .storage(StorageType.MEMORY)
                    .maxMsgs(100)
                    .duplicateWindow(Duration.ofSeconds(30))
                    .metadata("owner", "tests")
                    .build());
    assertEquals("LIFECYCLE", created.config().name());
    assertEquals(StorageType.MEMORY, created.config().storage());
    assertEquals(Duration.ofSeconds(30), created.config().duplicateWindow());
    assertEquals("tests", created.config().metadata().get("owner"));

    StreamInfo updated =
        js.streams().update(created.config().toBuilder().maxMsgs(200).description("d").build());
    assertEquals(200, updated.config().maxMsgs());
    assertEquals("d", js.streams().info("LIFECYCLE").config().description());

    assertTrue(js.streams().delete("LIFECYCLE"));
    JetStreamApiException gone =
        assertThrows(JetStreamApiException.class, () -> js.streams().info("LIFECYCLE"));
    assertEquals(JetStreamApiException.STREAM_NOT_FOUND, gone.errorCode());
    assertEquals(404, gone.apiCode());
  }

  @Test
  void createOrUpdateCreatesThenFollowsTheConfiguration() {
    StreamConfig config =
        StreamConfig.builder("UPSERT").subjects("upsert.>").storage(StorageType.MEMORY).build();
    StreamInfo created = js.streams().createOrUpdate(config);
    assertEquals(List.of("upsert.>"), created.config().subjects());
    assertEquals(created.created(), js.streams().createOrUpdate(config).created(), "same stream");
    StreamInfo updated =
        js.streams().createOrUpdate(config.toBuilder().maxMsgs(10).subjects("upsert.*").build());
    assertEquals(10, updated.config().maxMsgs());
    assertEquals(List.of("upsert.*"), js.streams().info("UPSERT").config().subjects());
    JetStreamApiException refused =
        assertThrows(
            JetStreamApiException.class,
            () ->
                js.streams().createOrUpdate(config.toBuilder().storage(StorageType.FILE).build()));
    assertTrue(refused.getMessage().contains("storage"), refused.getMessage());
    js.streams().delete("UPSERT");
  }

  @Test
  void creatingAStreamWithAnotherConfigurationFailsWithNameInUse() {
    js.streams().create(StreamConfig.builder("INUSE").subjects("inuse.a").build());
    JetStreamApiException e =
        assertThrows(
            JetStreamApiException.class,
            () -> js.streams().create(StreamConfig.builder("INUSE").subjects("inuse.b").build()));
    assertEquals(JetStreamApiException.STREAM_NAME_IN_USE, e.errorCode());
    js.streams().delete("INUSE");
  }

  @Test
  @RequiresServerVersion("2.11.0") // allow_msg_ttl: API level 1
  void everyServerDefaultedConfigCanBeSentBackUnchanged() {
    StreamInfo created =
        js.streams()
            .create(
                StreamConfig.builder("ECHO")
                    .subjects("echo.>")
                    .allowDirect(true)
                    .allowMsgTtl(true)
                    .subjectDeleteMarkerTtl(Duration.ofMinutes(1))
                    .compression(Compression.S2)
                    .republish(new Republish("echo.>", "echoed.>", true))
                    .build());
    // The strict server rejects unknown fields: the server's own config must round-trip.
    StreamInfo again = js.streams().update(created.config());
    assertEquals(created.config(), again.config());
    js.streams().delete("ECHO");
  }

  @Test
  void listsAndNamesAllPagesAndFiltersBySubject() {
    List<String> names =
        IntStream.range(0, 300).mapToObj(i -> "PAGE" + i).collect(Collectors.toList());
    for (String name : names) {
      js.streams()
          .create(
              StreamConfig.builder(name)
                  .subjects("page." + name)
                  .storage(StorageType.MEMORY)
                  .build());
    }
    try {
      assertTrue(js.streams().names().containsAll(names), "names over several pages");
      List<StreamInfo> infos = js.streams().list();
      assertTrue(infos.size() >= 300, "list over several pages: " + infos.size());
      assertEquals(List.of("PAGE7"), js.streams().names("page.PAGE7"));
      assertEquals(Optional.of("PAGE42"), js.streams().findBySubject("page.PAGE42"));
      assertEquals(Optional.empty(), js.streams().findBySubject("nobody.listens"));
      assertEquals(1, js.streams().list("page.PAGE9").size());
    } finally {
      names.forEach(js.streams()::delete);
    }
  }

  @Test
  void streamInfoWithSubjectsAndDeletedDetails() {
    js.streams()
        .create(StreamConfig.builder("DETAILS").subjects("det.>").allowDirect(true).build());
    for (int i = 0; i < 5; i++) {
      js.publish("det." + (i % 2), ("m" + i).getBytes(UTF_8));
    }
    assertTrue(js.streams().deleteMessage("DETAILS", 2));
    assertTrue(js.streams().eraseMessage("DETAILS", 3));
    StreamInfo info = js.streams().info("DETAILS", true, ">");
    assertEquals(List.of(2L, 3L), info.state().deleted());
    assertEquals(Map.of("det.0", 2L, "det.1", 1L), info.state().subjects());
    assertEquals(3, info.state().messages());
    js.streams().delete("DETAILS");
  }

  @Test
  void subjectMapsLargerThanOnePageAreCollected() {
    js.streams()
        .create(
            StreamConfig.builder("MANYSUBJ")
                .subjects("many.>")
                .storage(StorageType.MEMORY)
                .build());
    int count = 100_500;
    for (int i = 0; i < count; i++) {
      if (i % 5_000 == 4_999) {
        // Wait for the stream now and then: 2.11 servers drop what exceeds their ingest queue
        // ("Dropping messages due to excessive stream ingest rate").
        js.publish("many." + i, new byte[0]);
      } else {
        nc.publish("many." + i, new byte[0]);
      }
    }
    js.publish("many.last", new byte[0]);
    StreamInfo info = js.streams().info("MANYSUBJ", false, ">");
    assertEquals(count + 1, info.state().subjects().size());
    js.streams().delete("MANYSUBJ");
  }

  @Test
  void purgesAllBySubjectUpToSequenceAndKeepingN() {
    js.streams().create(StreamConfig.builder("PURGE").subjects("purge.>").build());
    for (int i = 1; i <= 10; i++) {
      js.publish(i <= 5 ? "purge.a" : "purge.b", new byte[] {(byte) i});
    }
    assertEquals(2, js.streams().purge("PURGE", PurgeOptions.upToSequence(3)));
    assertEquals(3, js.streams().purge("PURGE", PurgeOptions.subject("purge.a")));
    assertEquals(3, js.streams().purge("PURGE", PurgeOptions.keep(2)));
    assertEquals(
        List.of(9L, 10L),
        List.of(
            js.streams().info("PURGE").state().firstSeq(),
            js.streams().info("PURGE").state().lastSeq()));
    assertEquals(2, js.streams().purge("PURGE"));
    assertEquals(0, js.streams().info("PURGE").state().messages());
    js.streams().delete("PURGE");
  }

  @Test
  void getsMessagesBySequenceLastAndNextThroughApiAndDirectGet() {
    js.streams().create(StreamConfig.builder("GETS").subjects("gets.>").allowDirect(true).build());
    js.publish("gets.a", "a1".getBytes(UTF_8), PublishOptions.builder().messageId("id-1").build());
    js.publish("gets.b", "b1".getBytes(UTF_8));
    js.publish("gets.a", "a2".getBytes(UTF_8));

    StoredMessage bySeq = js.streams().getMessage("GETS", 1);
    assertEquals("gets.a", bySeq.subject());
    assertArrayEquals("a1".getBytes(UTF_8), bySeq.data());
    assertEquals("id-1", bySeq.headers().first("Nats-Msg-Id"));
    assertNotNull(bySeq.time());
    assertEquals(3, js.streams().getLastMessage("GETS", "gets.a").seq());
    assertEquals(3, js.streams().getNextMessage("GETS", 2, "gets.a").seq());

    StoredMessage direct = js.streams().directGet("GETS", 1);
    assertEquals("GETS", direct.stream());
    assertEquals("gets.a", direct.subject());
    assertEquals("id-1", direct.headers().first("Nats-Msg-Id"));
    assertArrayEquals("a1".getBytes(UTF_8), direct.data());
    assertEquals(bySeq.time(), direct.time());
    assertEquals(3, js.streams().directGetLast("GETS", "gets.a").seq());
    assertEquals(2, js.streams().directGetNext("GETS", 2, "gets.>").seq());

    for (var missing :
        List.<org.junit.jupiter.api.function.Executable>of(
            () -> js.streams().getMessage("GETS", 99),
            () -> js.streams().directGet("GETS", 99),
            () -> js.streams().getLastMessage("GETS", "gets.none"))) {
      JetStreamApiException e = assertThrows(JetStreamApiException.class, missing);
      assertEquals(JetStreamApiException.NO_MESSAGE_FOUND, e.errorCode());
    }
    js.streams().delete("GETS");
  }

  @Test
  @RequiresServerVersion("2.11.0") // direct get batch: API level 1
  void directGetOnAStreamWithoutAllowDirectSaysSo() {
    js.streams().create(StreamConfig.builder("NODIRECT").subjects("nodirect.>").build());
    js.publish("nodirect.a", "a".getBytes(UTF_8));
    for (var call :
        List.<org.junit.jupiter.api.function.Executable>of(
            () -> js.streams().directGet("NODIRECT", 1),
            () -> js.streams().directGetLast("NODIRECT", "nodirect.a"),
            () -> js.streams().directGetBatch("NODIRECT", 1, 5, null))) {
      JetStreamException e = assertThrows(JetStreamException.class, call);
      assertFalse(e instanceof JetStreamApiException, e.toString());
      assertTrue(e.getMessage().contains("allow_direct"), e.getMessage());
      assertTrue(e.getMessage().contains("NODIRECT"), e.getMessage());
      assertFalse(e.getMessage().contains("not enabled on the server"), e.getMessage());
    }
    assertEquals("a", new String(js.streams().getMessage("NODIRECT", 1).data(), UTF_8));
    js.streams().delete("NODIRECT");

    JetStreamApiException missing =
        assertThrows(JetStreamApiException.class, () -> js.streams().directGet("NOSUCH", 1));
    assertEquals(JetStreamApiException.STREAM_NOT_FOUND, missing.errorCode());
  }

  @Test
  @RequiresServerVersion("2.11.0") // direct get batch: API level 1
  void directGetBatchAndMultiLastEndWithTheEobStatus() {
    js.streams()
        .create(StreamConfig.builder("BATCH").subjects("batch.>").allowDirect(true).build());
    for (int i = 1; i <= 6; i++) {
      js.publish("batch." + (i % 3), ("v" + i).getBytes(UTF_8));
    }
    DirectBatch batch = js.streams().directGetBatch("BATCH", 2, 3, null);
    assertEquals(List.of(2L, 3L, 4L), batch.messages().stream().map(StoredMessage::seq).toList());
    assertEquals(2, batch.numPending());
    assertEquals(4, batch.lastSequence());

    DirectBatch filtered = js.streams().directGetBatch("BATCH", 1, 10, "batch.1");
    assertEquals(List.of(1L, 4L), filtered.messages().stream().map(StoredMessage::seq).toList());

    DirectBatch last = js.streams().directGetLastForSubjects("BATCH", List.of("batch.>"));
    assertEquals(
        Map.of("batch.1", 4L, "batch.2", 5L, "batch.0", 6L),
        last.messages().stream()
            .collect(Collectors.toMap(StoredMessage::subject, StoredMessage::seq)));
    assertEquals(6, last.upToSequence());

    DirectBatch none = js.streams().directGetBatch("BATCH", 100, 5, null);
    assertTrue(none.messages().isEmpty());
    js.streams().delete("BATCH");
  }

  @Test
  void invalidNamesFailBeforeAnythingIsSent() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> js.streams().info("a.b"));
    assertTrue(e.getMessage().contains("'.'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> StreamConfig.builder("has space").build());
    assertFalse(js.streams().names().contains("a.b"));
  }
}

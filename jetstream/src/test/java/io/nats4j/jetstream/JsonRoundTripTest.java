package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nats4j.jetstream.internal.ApiRecords.ConsumerListPage;
import io.nats4j.jetstream.internal.ApiRecords.ConsumerNamesPage;
import io.nats4j.jetstream.internal.ApiRecords.MsgGetResponse;
import io.nats4j.jetstream.internal.ApiRecords.PurgeResponse;
import io.nats4j.jetstream.internal.ApiRecords.StreamListPage;
import io.nats4j.jetstream.internal.ApiRecords.StreamNamesPage;
import io.nats4j.jetstream.internal.JsonMapper;
import io.nats4j.jetstream.internal.Responses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads responses captured from a real nats-server 2.15.2, writes them back and checks that nothing
 * the server said was lost and nothing it did not say was added.
 */
class JsonRoundTripTest {

  /** Fields outside the records on purpose: response type tags, create flags, paging. */
  private static final Pattern RFC3339 = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT.*Z");

  private static final Set<String> ENVELOPE =
      Set.of("type", "did_create", "total", "offset", "limit");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "stream_create.json",
        "stream_create_features.json",
        "stream_create_counter.json",
        "stream_create_sources.json",
        "stream_create_mirror.json",
        "stream_info.json",
        "stream_info_details.json",
        "stream_info_sources.json",
        "stream_update.json"
      })
  void streamInfoRoundTripsWithoutLoss(String file) {
    byte[] body = ServerResponses.load(file);
    StreamInfo info = Responses.read(body, StreamInfo.class);
    assertSameMeaning(JsonMapper.readTree(body), JsonMapper.mapper().valueToTree(info));
    StreamInfo again = JsonMapper.read(JsonMapper.write(info), StreamInfo.class);
    assertEquals(info.config(), again.config());
    assertEquals(info, again);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "consumer_create.json",
        "consumer_create_priority.json",
        "consumer_create_push.json",
        "consumer_info.json"
      })
  void consumerInfoRoundTripsWithoutLoss(String file) {
    byte[] body = ServerResponses.load(file);
    ConsumerInfo info = Responses.read(body, ConsumerInfo.class);
    assertSameMeaning(JsonMapper.readTree(body), JsonMapper.mapper().valueToTree(info));
    assertEquals(info, JsonMapper.read(JsonMapper.write(info), ConsumerInfo.class));
  }

  @Test
  void streamConfigFieldsMapToJavaTypes() {
    StreamInfo info =
        Responses.read(ServerResponses.load("stream_info_details.json"), StreamInfo.class);
    StreamConfig c = info.config();
    assertEquals("ORDERS", c.name());
    assertEquals(List.of("orders.>"), c.subjects());
    assertEquals(RetentionPolicy.LIMITS, c.retention());
    assertEquals(StorageType.FILE, c.storage());
    assertEquals(Compression.S2, c.compression());
    assertEquals(Duration.ofHours(1), c.maxAge());
    assertEquals(Duration.ofMinutes(2), c.duplicateWindow());
    assertEquals(Duration.ofMinutes(1), c.subjectDeleteMarkerTtl());
    assertEquals(-1, c.maxConsumers());
    assertEquals(65536, c.maxMsgSize());
    assertTrue(c.allowDirect());
    assertTrue(c.allowMsgTtl());
    assertEquals(new Republish("orders.>", "repub.>", true), c.republish());
    assertEquals(new ConsumerLimits(Duration.ofSeconds(30), 500), c.consumerLimits());
    assertEquals("billing", c.metadata().get("team"));
    StreamState s = info.state();
    assertEquals(4, s.messages());
    assertEquals(List.of(2L, 4L), s.deleted());
    assertEquals(2, s.numDeleted());
    assertEquals(Map.of("orders.eu.1", 3L, "orders.us.2", 1L), s.subjects());
    assertTrue(s.firstTs().isBefore(s.lastTs()));
    assertTrue(info.cluster().leader().startsWith("N"));
  }

  @Test
  void newerStreamFieldsAreRead() {
    StreamConfig f =
        Responses.read(ServerResponses.load("stream_create_features.json"), StreamInfo.class)
            .config();
    assertTrue(f.allowMsgSchedules());
    assertTrue(f.allowBatched());
    assertEquals(PersistMode.ASYNC, f.persistMode());
    assertEquals(10, f.firstSeq());
    assertEquals(new SubjectTransform("feat.>", "features.>"), f.subjectTransform());
    assertTrue(
        Responses.read(ServerResponses.load("stream_create_counter.json"), StreamInfo.class)
            .config()
            .allowMsgCounter());
    StreamInfo sources =
        Responses.read(ServerResponses.load("stream_info_sources.json"), StreamInfo.class);
    StreamSource external = sources.config().sources().get(1);
    assertEquals(new ExternalStream("$JS.hub.API", "deliver.src"), external.external());
    assertEquals(List.of(new SubjectTransform("features.>", "f.>")), external.subjectTransforms());
    assertEquals(Duration.ofNanos(-1), sources.sources().get(0).active());
    StreamInfo mirror =
        Responses.read(ServerResponses.load("stream_create_mirror.json"), StreamInfo.class);
    assertEquals(Instant.parse("2024-01-01T00:00:00Z"), mirror.config().mirror().optStartTime());
    assertTrue(mirror.config().mirrorDirect());
  }

  @Test
  void consumerFieldsMapToJavaTypes() {
    ConsumerInfo c1 =
        Responses.read(ServerResponses.load("consumer_create.json"), ConsumerInfo.class);
    ConsumerConfig c = c1.config();
    assertEquals("C1", c.durableName());
    assertEquals(DeliverPolicy.BY_START_SEQUENCE, c.deliverPolicy());
    assertEquals(2, c.optStartSeq());
    assertEquals(AckPolicy.EXPLICIT, c.ackPolicy());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), c.backoff());
    assertEquals(Duration.ofMinutes(1), c.maxExpires());
    assertTrue(c.memStorage());
    assertEquals(1, c1.delivered().streamSeq());
    ConsumerInfo c2 =
        Responses.read(ServerResponses.load("consumer_create_priority.json"), ConsumerInfo.class);
    assertEquals(PriorityPolicy.PINNED_CLIENT, c2.config().priorityPolicy());
    assertEquals(List.of("jobs"), c2.config().priorityGroups());
    assertEquals(Instant.parse("2099-01-01T00:00:00Z"), c2.config().pauseUntil());
    assertEquals(Instant.parse("2024-05-01T10:00:00.123456789Z"), c2.config().optStartTime());
    assertTrue(c2.paused());
    assertTrue(c2.pauseRemaining().toDays() > 20000);
    assertEquals("jobs", c2.priorityGroups().get(0).group());
    assertNull(c2.priorityGroups().get(0).pinnedTs(), "Go zero time reads as null");
    ConsumerInfo push =
        Responses.read(ServerResponses.load("consumer_create_push.json"), ConsumerInfo.class);
    assertEquals("push.p1", push.config().deliverSubject());
    assertEquals(Duration.ofSeconds(5), push.config().idleHeartbeat());
    assertEquals(ReplayPolicy.ORIGINAL, push.config().replayPolicy());
    assertTrue(push.config().flowControl());
    assertTrue(push.config().headersOnly());
  }

  @Test
  void accountInfoIsRead() {
    AccountInfo a = Responses.read(ServerResponses.load("account_info.json"), AccountInfo.class);
    assertEquals(5, a.api().level());
    assertEquals(-1, a.limits().maxMemory());
    assertFalse(a.limits().maxBytesRequired());
  }

  @Test
  void pubAcksAreRead() {
    assertEquals(
        new PubAck("ORDERS", 1, null, false, null, null, 0),
        Responses.pubAck(ServerResponses.load("pub_ack.json")));
    PubAck dup = Responses.pubAck(ServerResponses.load("pub_ack_duplicate.json"));
    assertTrue(dup.duplicate());
    assertEquals(5, dup.seq());
    assertEquals("7", Responses.pubAck(ServerResponses.load("pub_ack_counter2.json")).val());
  }

  @Test
  void pubAcksSkipFieldsTheyDoNotKnowAndANullError() {
    byte[] body =
        ("{\"error\":null,\"future\":{\"a\":[1,{\"stream\":7}]},\"stream\":\"S\",\"seq\":3,"
                + "\"domain\":\"hub\",\"later\":[\"x\"]}")
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(new PubAck("S", 3, "hub", false, null, null, 0), Responses.pubAck(body));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"seq\":3}", "{\"stream\":7,\"seq\":3}", "[\"stream\"]", "\"ok\""})
  void repliesThatAreNotPubAcksAreNamed(String reply) {
    JetStreamException e =
        assertThrows(
            JetStreamException.class,
            () -> Responses.pubAck(reply.getBytes(StandardCharsets.UTF_8)));
    assertEquals("the publish was not answered with a pub ack: " + reply, e.getMessage());
  }

  @Test
  void aPubAckThatIsNotJsonIsNamed() {
    JetStreamException e =
        assertThrows(
            JetStreamException.class,
            () -> Responses.pubAck("{\"stream\":\"S\"".getBytes(StandardCharsets.UTF_8)));
    assertTrue(
        e.getMessage().startsWith("the server's response is not valid JSON"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pub_error_expected_stream.json:10060",
        "pub_error_wrong_last_msg_id.json:10070",
        "pub_error_wrong_last_sequence.json:10071",
        "pub_error_wrong_last_subject_sequence.json:10071"
      })
  void pubAckErrorsBecomeApiExceptions(String fileAndCode) {
    String[] parts = fileAndCode.split(":");
    JetStreamApiException e =
        assertThrows(
            JetStreamApiException.class, () -> Responses.pubAck(ServerResponses.load(parts[0])));
    assertEquals(Integer.parseInt(parts[1]), e.errorCode());
    assertEquals(400, e.apiCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "error_stream_not_found.json:10059:404",
        "error_stream_name_in_use.json:10058:400",
        "error_consumer_not_found.json:10014:404",
        "error_no_message_found.json:10037:404",
        "error_unknown_field.json:10025:400",
        "error_stream_delete_not_found.json:10059:404"
      })
  void apiErrorsCarryCodeErrCodeAndDescription(String spec) {
    String[] parts = spec.split(":");
    JetStreamApiException e =
        assertThrows(
            JetStreamApiException.class,
            () -> Responses.read(ServerResponses.load(parts[0]), StreamInfo.class));
    assertEquals(Integer.parseInt(parts[1]), e.errorCode());
    assertEquals(Integer.parseInt(parts[2]), e.apiCode());
    assertFalse(e.description().isEmpty());
    assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
  }

  @Test
  void pagedListsAreRead() {
    StreamListPage list =
        Responses.read(ServerResponses.load("stream_list.json"), StreamListPage.class);
    assertEquals(list.total(), list.streams().size());
    assertEquals(256, list.limit());
    assertTrue(list.streams().stream().anyMatch(i -> i.config().name().equals("MIR")));
    StreamNamesPage names =
        Responses.read(ServerResponses.load("stream_names.json"), StreamNamesPage.class);
    assertEquals(names.total(), names.streams().size());
    assertTrue(names.streams().containsAll(List.of("MIR", "ORDERS")));
    ConsumerListPage consumers =
        Responses.read(ServerResponses.load("consumer_list.json"), ConsumerListPage.class);
    assertEquals(consumers.total(), consumers.consumers().size());
    ConsumerNamesPage consumerNames =
        Responses.read(ServerResponses.load("consumer_names.json"), ConsumerNamesPage.class);
    assertTrue(consumerNames.consumers().containsAll(List.of("C1", "C2")));
    assertEquals(
        2,
        Responses.read(ServerResponses.load("stream_purge_keep.json"), PurgeResponse.class)
            .purged());
  }

  @Test
  void storedMessageDecodesBase64() {
    MsgGetResponse r =
        Responses.read(ServerResponses.load("msg_get_last_by_subject.json"), MsgGetResponse.class);
    assertEquals("orders.eu.1", r.message().subject());
    assertEquals(5, r.message().seq());
    assertEquals("{\"n\":5}", new String(r.message().data(), StandardCharsets.UTF_8));
    assertEquals(
        "NATS/1.0\r\nNats-Msg-Id: m5\r\n\r\n",
        new String(r.message().hdrs(), StandardCharsets.UTF_8));
  }

  @Test
  void pauseResponsesAreRead() {
    ConsumerPauseInfo paused =
        Responses.read(ServerResponses.load("consumer_pause.json"), ConsumerPauseInfo.class);
    assertTrue(paused.paused());
    assertEquals(Instant.parse("2099-01-01T00:00:00Z"), paused.pauseUntil());
    ConsumerPauseInfo resumed =
        Responses.read(ServerResponses.load("consumer_resume.json"), ConsumerPauseInfo.class);
    assertFalse(resumed.paused());
    assertNull(resumed.pauseUntil());
  }

  @Test
  void unsetFieldsAreNotWritten() {
    assertEquals(
        "{\"name\":\"ORDERS\",\"subjects\":[\"orders.>\"]}",
        new String(
            JsonMapper.write(StreamConfig.builder("ORDERS").subjects("orders.>").build()),
            StandardCharsets.UTF_8));
    assertEquals(
        "{\"durable_name\":\"d\",\"ack_policy\":\"explicit\",\"ack_wait\":5000000000}",
        new String(
            JsonMapper.write(
                ConsumerConfig.builder()
                    .durableName("d")
                    .ackPolicy(AckPolicy.EXPLICIT)
                    .ackWait(Duration.ofSeconds(5))
                    .build()),
            StandardCharsets.UTF_8));
  }

  @Test
  void negativeLimitsAndTimesAreWritten() {
    JsonNode json =
        JsonMapper.mapper()
            .valueToTree(
                StreamConfig.builder("S")
                    .maxMsgs(-1)
                    .mirror(
                        new StreamSource(
                            "O", 0, Instant.parse("2024-01-01T00:00:00.5Z"), null, null, null))
                    .build());
    assertEquals(-1, json.get("max_msgs").asLong());
    assertEquals("2024-01-01T00:00:00.500Z", json.get("mirror").get("opt_start_time").asText());
  }

  @Test
  void unknownFieldsAndEnumValuesFromNewerServersAreIgnored() {
    StreamConfig c =
        JsonMapper.read(
            "{\"name\":\"X\",\"retention\":\"someday\",\"brand_new\":{\"a\":1}}"
                .getBytes(StandardCharsets.UTF_8),
            StreamConfig.class);
    assertEquals("X", c.name());
    assertNull(c.retention());
  }

  /**
   * Compares what the server sent with what the records write: equal once values that mean "unset"
   * (false, 0, "", empty, Go's zero time) and the envelope fields are dropped.
   */
  private static void assertSameMeaning(JsonNode server, JsonNode written) {
    assertEquals(significant(server, true), significant(written, true));
  }

  private static JsonNode significant(JsonNode node, boolean top) {
    if (node.isObject()) {
      ObjectNode copy = JsonMapper.mapper().createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        if (top && ENVELOPE.contains(e.getKey())) {
          continue;
        }
        JsonNode v = significant(e.getValue(), false);
        if (!isUnset(v)) {
          copy.set(e.getKey(), v);
        }
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = JsonMapper.mapper().createArrayNode();
      node.forEach(element -> copy.add(significant(element, false)));
      return copy;
    }
    if (node.isNumber()) {
      return LongNode.valueOf(node.asLong());
    }
    if (node.isTextual() && RFC3339.matcher(node.asText()).matches()) {
      return TextNode.valueOf(OffsetDateTime.parse(node.asText()).toInstant().toString());
    }
    return node;
  }

  private static boolean isUnset(JsonNode v) {
    return v.isNull()
        || (v.isBoolean() && !v.booleanValue())
        || (v.isNumber() && v.asLong() == 0)
        || (v.isTextual() && (v.asText().isEmpty() || v.asText().equals("0001-01-01T00:00:00Z")))
        || (v.isContainerNode() && v.isEmpty());
  }
}

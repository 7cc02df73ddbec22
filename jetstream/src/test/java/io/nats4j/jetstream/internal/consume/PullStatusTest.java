package io.nats4j.jetstream.internal.consume;

import static io.nats4j.jetstream.internal.consume.PullStatus.Kind.BATCH_COMPLETED;
import static io.nats4j.jetstream.internal.consume.PullStatus.Kind.FLOW_CONTROL;
import static io.nats4j.jetstream.internal.consume.PullStatus.Kind.HEARTBEAT;
import static io.nats4j.jetstream.internal.consume.PullStatus.Kind.LEADERSHIP_CHANGE;
import static io.nats4j.jetstream.internal.consume.PullStatus.Kind.MAX_BYTES;
import static io.nats4j.jetstream.internal.consume.PullStatus.Kind.NO_MESSAGES;
import static io.nats4j.jetstream.internal.consume.PullStatus.Kind.NO_RESPONDERS;
import static io.nats4j.jetstream.internal.consume.PullStatus.Kind.PIN_RESET;
import static io.nats4j.jetstream.internal.consume.PullStatus.Kind.REQUEST_TIMEOUT;
import static io.nats4j.jetstream.internal.consume.PullStatus.Kind.TERMINAL;
import static io.nats4j.jetstream.internal.consume.PullStatus.Kind.UNKNOWN;
import static io.nats4j.jetstream.internal.consume.PullStatus.Kind.WARNING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nats4j.client.Headers;
import org.junit.jupiter.api.Test;

class PullStatusTest {
  @Test
  void classifiesPerAdr37() {
    assertEquals(HEARTBEAT, PullStatus.classify(100, "Idle Heartbeat"));
    assertEquals(FLOW_CONTROL, PullStatus.classify(100, "FlowControl Request"));
    assertEquals(NO_MESSAGES, PullStatus.classify(404, "No Messages"));
    assertEquals(REQUEST_TIMEOUT, PullStatus.classify(408, "Request Timeout"));
    assertEquals(REQUEST_TIMEOUT, PullStatus.classify(408, "Interest Expired"));
    assertEquals(MAX_BYTES, PullStatus.classify(409, "Message Size Exceeds MaxBytes"));
    assertEquals(BATCH_COMPLETED, PullStatus.classify(409, "Batch Completed"));
    assertEquals(TERMINAL, PullStatus.classify(409, "Consumer Deleted"));
    assertEquals(TERMINAL, PullStatus.classify(409, "Consumer is push based"));
    assertEquals(TERMINAL, PullStatus.classify(400, "Bad Request"));
    assertEquals(WARNING, PullStatus.classify(409, "Exceeded MaxRequestBatch of 10"));
    assertEquals(WARNING, PullStatus.classify(409, "Exceeded MaxRequestExpires of 1s"));
    assertEquals(WARNING, PullStatus.classify(409, "Exceeded MaxRequestMaxBytes of 100"));
    assertEquals(WARNING, PullStatus.classify(409, "Exceeded MaxWaiting"));
    assertEquals(LEADERSHIP_CHANGE, PullStatus.classify(409, "Leadership Change"));
    assertEquals(PIN_RESET, PullStatus.classify(423, "Nats-Wrong-Pin-Id"));
    assertEquals(NO_RESPONDERS, PullStatus.classify(503, null));
    assertEquals(UNKNOWN, PullStatus.classify(418, "teapot"));
  }

  @Test
  void readsPendingHeadersAndToleratesJunk() {
    Headers h =
        new Headers().add(PullStatus.PENDING_MESSAGES, "12").add(PullStatus.PENDING_BYTES, "junk");
    assertEquals(12, PullStatus.number(h, PullStatus.PENDING_MESSAGES));
    assertEquals(0, PullStatus.number(h, PullStatus.PENDING_BYTES));
    assertEquals(0, PullStatus.number(h, "absent"));
  }

  @Test
  void sizeCountsSubjectReplyHeadersAndPayload() {
    Headers h = new Headers().add("A", "bc");
    // "NATS/1.0\r\n" + "A: bc\r\n" + "\r\n" = 10 + 7 + 2
    assertEquals(19, JsMessageImpl.headerLength(h));
  }

  @Test
  void subjectsCountInUtf8BytesAsTheServerCountsThem() {
    for (String s : new String[] {"", "orders.new", "prüfung", "preis.€", "emoji.😀", "a😀ü€z"}) {
      assertEquals(
          s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
          JsMessageImpl.utf8Length(s),
          s);
    }
  }
}

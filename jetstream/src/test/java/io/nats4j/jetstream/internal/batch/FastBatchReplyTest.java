package io.nats4j.jetstream.internal.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.jetstream.ApiError;
import io.nats4j.jetstream.internal.batch.FastBatchReply.Operation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FastBatchReplyTest {
  @Test
  void formatsWhatTheServerParses() {
    String base = FastBatchReply.base("_INBOX.abc", 500, false);
    assertEquals("_INBOX.abc.500.fail.", base);
    String reply = FastBatchReply.format(base, 1, Operation.START);
    assertEquals("_INBOX.abc.500.fail.1.0.$FI", reply);
    assertEquals(
        new FastBatchReply("_INBOX.abc", "abc", 500, false, 1, Operation.START),
        FastBatchReply.parse(reply));
    assertEquals(
        new FastBatchReply("_INBOX.abc", "abc", 10, true, 77, Operation.PING),
        FastBatchReply.parse("_INBOX.abc.10.ok.77.4.$FI"));
    assertEquals(
        Operation.COMMIT_EOB, FastBatchReply.parse("_INBOX.abc.10.ok.3.3.$FI").operation());
  }

  @Test
  void flowOutOfRangeIsTheServerDefaultOrCap() {
    assertEquals(10, FastBatchReply.parse("p.id.0.ok.2.1.$FI").flow());
    assertEquals(65535, FastBatchReply.parse("p.id.99999.ok.2.1.$FI").flow());
  }

  @Test
  void refusesWhatTheServerRefuses() {
    assertRefused("p.id.10.ok.1.0", ".$FI");
    assertRefused("p.id.10.ok.1.5.$FI", "unknown fast-ingest operation 5");
    assertRefused("p.id.10.maybe.1.0.$FI", "gap mode");
    assertRefused("p.id.10.ok.0.1.$FI", "at least 1");
    assertRefused("p.id.10.ok.2.0.$FI", "starts at sequence 1");
    assertRefused("p.id.10.ok.1.1.$FI", "an append follows");
    assertRefused("p.id.10.ok.1.3.$FI", "end-of-batch");
    assertRefused("p.id.10.ok.x.1.$FI", "batch sequence must be a number");
    assertRefused("id.10.ok.2.1.$FI", "needs <prefix>");
    assertRefused("p." + "i".repeat(65) + ".10.ok.2.1.$FI", "1 to 64");
  }

  @Test
  void readsTheFourKindsOfInboxMessage() {
    assertEquals(new FlowMessage.Ack(10, 15), parse("{\"type\":\"ack\",\"seq\":10,\"msgs\":15}"));
    assertEquals(
        new FlowMessage.Gap(10, 15), parse("{\"type\":\"gap\",\"last_seq\":10,\"seq\":15}"));
    assertEquals(
        new FlowMessage.Err(10, new ApiError(400, 10071, "wrong last sequence: 1")),
        parse(
            "{\"type\":\"err\",\"seq\":10,\"error\":{\"code\":400,\"err_code\":10071,"
                + "\"description\":\"wrong last sequence: 1\"}}"));
    FlowMessage.End end =
        (FlowMessage.End) parse("{\"stream\":\"S\",\"seq\":99,\"batch\":\"abc\",\"count\":42}");
    assertEquals("abc", end.ack().batch());
    assertEquals(42, end.ack().count());
    FlowMessage.End refused =
        (FlowMessage.End)
            parse(
                "{\"error\":{\"code\":400,\"err_code\":10205,\"description\":\"batch publish is"
                    + " disabled\"},\"stream\":\"S\",\"seq\":0}");
    assertEquals(10205, refused.error().errCode());
  }

  private static FlowMessage parse(String json) {
    return FlowMessage.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(String reply, String why) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FastBatchReply.parse(reply));
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}

package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageMetadataTest {
  private static final long NANOS = 1_700_000_000_123_456_789L;
  private static final Instant TIME = Instant.ofEpochSecond(1_700_000_000L, 123_456_789L);

  @Test
  void parsesV1NineTokens() {
    MessageMetadata m = MessageMetadata.parse("$JS.ACK.ORDERS.proc.3.1042.17." + NANOS + ".99");
    assertEquals("ORDERS", m.stream());
    assertEquals("proc", m.consumer());
    assertEquals(3, m.numDelivered());
    assertEquals(1042, m.streamSequence());
    assertEquals(17, m.consumerSequence());
    assertEquals(TIME, m.timestamp());
    assertEquals(99, m.numPending());
    assertNull(m.domain());
    assertNull(m.accountHash());
  }

  @Test
  void parsesV2WithDomainAccountHashAndRandomToken() {
    MessageMetadata m =
        MessageMetadata.parse("$JS.ACK.hub.ACCHASH.ORDERS.proc.1.5.6." + NANOS + ".0.r4nd0m");
    assertEquals("hub", m.domain());
    assertEquals("ACCHASH", m.accountHash());
    assertEquals("ORDERS", m.stream());
    assertEquals("proc", m.consumer());
    assertEquals(1, m.numDelivered());
    assertEquals(5, m.streamSequence());
    assertEquals(6, m.consumerSequence());
    assertEquals(TIME, m.timestamp());
    assertEquals(0, m.numPending());
  }

  @Test
  void v2UnderscoreDomainMeansNoneAndElevenTokensSuffice() {
    MessageMetadata m = MessageMetadata.parse("$JS.ACK._.H.S.C.2.8.9." + NANOS + ".4");
    assertNull(m.domain());
    assertEquals(8, m.streamSequence());
    assertEquals(4, m.numPending());
  }

  @Test
  void v2AllowsMoreTrailingTokens() {
    MessageMetadata m = MessageMetadata.parse("$JS.ACK._.H.S.C.2.8.9." + NANOS + ".4.x.y.z");
    assertEquals(9, m.consumerSequence());
  }

  @Test
  void rejectsOtherSubjectsClearly() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MessageMetadata.parse("_INBOX.abc"));
    assertTrue(e.getMessage().contains("$JS.ACK"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> MessageMetadata.parse("$JS.ACK.S.C.1.2.3.4"));
    assertTrue(e.getMessage().contains("8 tokens"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MessageMetadata.parse("$JS.ACK.S.C.1.x.3." + NANOS + ".0"));
    assertTrue(e.getMessage().contains("'x' is not a number"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> MessageMetadata.parse("$JS.ACK.a.b.S.C.1.2.3.4"));
  }

  @Test
  void rejectsEmptyNegativeAndTenTokenSubjectsNamingTheToken() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MessageMetadata.parse("$JS.ACK.S.C.1..3." + NANOS + ".0"));
    assertTrue(e.getMessage().contains("token 6 '' is not a number"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MessageMetadata.parse("$JS.ACK.S.C.1.2.-3." + NANOS + ".0"));
    assertTrue(e.getMessage().contains("token 7 '-3' is not a number"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MessageMetadata.parse("$JS.ACK.S.C.1.2.3." + NANOS + ".x"));
    assertTrue(e.getMessage().contains("token 9 'x' is not a number"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MessageMetadata.parse("$JS.ACK.H.S.C.1.2.3." + NANOS + ".0"));
    assertTrue(e.getMessage().contains("10 tokens"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MessageMetadata.parse("$JS.ACK._.H.S.C.2.8.9." + NANOS + ".4x.y"));
    assertTrue(e.getMessage().contains("token 11 '4x' is not a number"), e.getMessage());
  }

  @Test
  void keepsEmptyNamesAndPlusSignsAsBefore() {
    MessageMetadata m = MessageMetadata.parse("$JS.ACK..C.+1.2.3." + NANOS + ".0");
    assertEquals("", m.stream());
    assertEquals(1, m.numDelivered());
    m = MessageMetadata.parse("$JS.ACK._.H.S.C.2.8.9." + NANOS + ".4.");
    assertEquals(4, m.numPending());
  }
}

package io.nats4j.client.internal.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Headers;
import io.nats4j.client.ProtocolException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersTest {

  @Test
  void multiValuedCasePreservingCaseSensitiveInOrder() {
    Headers h = new Headers().add("B", "1").add("a", "x", "y").add("A", "z").add("B", "2");
    assertEquals(List.of("B", "a", "A"), List.copyOf(h.keys()));
    assertEquals(List.of("1", "2"), h.get("B"));
    assertEquals(List.of("x", "y"), h.get("a"));
    assertEquals(List.of("z"), h.get("A"));
    assertEquals("x", h.first("a"));
    assertNull(h.first("b"));
    assertEquals(List.of(), h.get("missing"));
    assertEquals(3, h.size());
    assertTrue(h.containsKey("A") && !h.containsKey("b"));
  }

  @Test
  void putReplacesAndRemoveDeletes() {
    Headers h = new Headers().add("K", "1", "2").put("K", "3");
    assertEquals(List.of("3"), h.get("K"));
    h.put("K");
    assertTrue(h.isEmpty());
    h.add("K", "v").remove("K");
    assertTrue(h.isEmpty());
    assertEquals(0, h.statusCode());
    assertNull(h.statusDescription());
  }

  @Test
  void readOnlyViewRejectsChangesAndReflectsTheOriginal() {
    Headers h = new Headers().add("K", "v");
    Headers view = h.readOnly();
    assertTrue(view.isReadOnly());
    assertThrows(UnsupportedOperationException.class, () -> view.add("X", "y"));
    assertThrows(UnsupportedOperationException.class, () -> view.put("X", "y"));
    assertThrows(UnsupportedOperationException.class, () -> view.remove("K"));
    assertThrows(UnsupportedOperationException.class, () -> view.get("K").add("w"));
    assertThrows(UnsupportedOperationException.class, () -> view.keys().clear());
    h.add("K", "w");
    assertEquals(List.of("v", "w"), view.get("K"));
    assertEquals(h, view);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a:b", "tab\tkey", "ü", "a\r", "\u007f"})
  void invalidKeysAreRejected(String key) {
    assertThrows(IllegalArgumentException.class, () -> new Headers().add(key, "v"));
  }

  @Test
  void invalidValuesAreRejectedWithAClearMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Headers().add("K", "a\r\nEvil: 1"));
    assertTrue(e.getMessage().contains("CR at index 1"), e.getMessage());
    assertFalse(e.getMessage().contains("\r"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Headers().put("K", "a\n"));
    assertThrows(IllegalArgumentException.class, () -> new Headers().add("K", (String) null));
    assertThrows(IllegalArgumentException.class, () -> new Headers().add(null, "v"));
  }

  @Test
  void encodesInOrderWithRepeatedKeys() {
    Headers h = new Headers().add("A", "1").add("b", "x:y", "").add("A", "2");
    String expected = "NATS/1.0\r\nA: 1\r\nA: 2\r\nb: x:y\r\nb: \r\n\r\n";
    byte[] block = HeadersCodec.encode(h);
    assertEquals(expected, new String(block, ISO_8859_1));
    assertEquals(block.length, HeadersCodec.encodedLength(h));
  }

  @Test
  void emptyHeadersEncodeToTheVersionLineOnly() {
    assertEquals("NATS/1.0\r\n\r\n", new String(HeadersCodec.encode(new Headers()), ISO_8859_1));
    assertEquals(12, HeadersCodec.encodedLength(new Headers()));
  }

  @Test
  void roundTripsNonAsciiValues() {
    Headers h = new Headers().add("Name", "Zoë €uro 😀").add("Plain", "  spaced inside");
    byte[] block = HeadersCodec.encode(h);
    assertEquals(block.length, HeadersCodec.encodedLength(h));
    Headers back = HeadersCodec.decode(block);
    assertEquals("Zoë €uro 😀", back.first("Name"));
    assertEquals("spaced inside", back.first("Plain")); // leading whitespace trimmed, as Go does
    assertTrue(back.isReadOnly());
  }

  @Test
  void roundTripsManyKeys() {
    Headers h = new Headers();
    for (int i = 0; i < 50; i++) {
      h.add("Key-" + (i % 7), "value " + i);
    }
    assertEquals(h, HeadersCodec.decode(HeadersCodec.encode(h)));
  }

  @Test
  void decodesStatusLines() {
    assertStatus("NATS/1.0 503\r\n\r\n", 503, null);
    assertStatus("NATS/1.0 100 Idle Heartbeat\r\n\r\n", 100, "Idle Heartbeat");
    assertStatus("NATS/1.0 408 Request Timeout\r\n\r\n", 408, "Request Timeout");
    assertStatus("NATS/1.0 404 No Messages\r\n\r\n", 404, "No Messages");
    assertStatus("NATS/1.0 409 Consumer Deleted\r\n\r\n", 409, "Consumer Deleted");
    assertStatus("NATS/1.0\r\n\r\n", 0, null);
    assertStatus("NATS/1.0 \r\n\r\n", 0, null);
  }

  @Test
  void decodesHeartbeatWithHeadersAndKeepsRepeatedKeys() {
    Headers h =
        decode(
            "NATS/1.0 100 FlowControl Request\r\nNats-Last-Consumer: 12\r\n"
                + "Nats-Last-Stream:\t 34\r\nX: a\r\nx: b\r\nX: c: d\r\n\r\n");
    assertEquals(100, h.statusCode());
    assertEquals("FlowControl Request", h.statusDescription());
    assertEquals("12", h.first("Nats-Last-Consumer"));
    assertEquals("34", h.first("Nats-Last-Stream"));
    assertEquals(List.of("a", "c: d"), h.get("X"));
    assertEquals(List.of("b"), h.get("x"));
  }

  @Test
  void statusRoundTrips() {
    Headers received = decode("NATS/1.0 408 Request Timeout\r\nNats-Pending-Messages: 5\r\n\r\n");
    Headers again = HeadersCodec.decode(HeadersCodec.encode(received));
    assertEquals(received, again);
    assertEquals(HeadersCodec.encode(received).length, HeadersCodec.encodedLength(received));
  }

  @Test
  void decodeKeepsKeysTheApiWouldRefuse() {
    Headers h = decode("NATS/1.0\r\nodd key: v\r\n\r\n");
    assertEquals("v", h.first("odd key"));
  }

  @Test
  void decodeRejectsBlocksWithoutVersionOrKey() {
    assertThrows(ProtocolException.class, () -> decode("HTTP/1.1 200\r\n\r\n"));
    assertThrows(ProtocolException.class, () -> decode("NATS/1.0\r\nno colon\r\n\r\n"));
    assertThrows(ProtocolException.class, () -> decode("NATS/1.0\r\n: empty key\r\n\r\n"));
    assertThrows(ProtocolException.class, () -> decode("NATS/1.0x\r\n\r\n"));
    assertThrows(ProtocolException.class, () -> decode("NATS/1.0 abc\r\n\r\n"));
    // a block must be whole: version line with CRLF, each line with CRLF, one final blank line
    assertThrows(ProtocolException.class, () -> decode("NATS/1.0"));
    assertThrows(ProtocolException.class, () -> decode("NATS/1.0 503"));
    assertThrows(ProtocolException.class, () -> decode("NATS/1.0\r\n"));
    assertThrows(ProtocolException.class, () -> decode("NATS/1.0\r\nK: v\r\n"));
    assertThrows(ProtocolException.class, () -> decode("NATS/1.0\r\nK: v"));
    assertThrows(ProtocolException.class, () -> decode("NATS/1.0\r\nK: v\r\n\r"));
    assertThrows(ProtocolException.class, () -> decode("NATS/1.0\r\n\r\nextra"));
    assertThrows(ProtocolException.class, () -> decode("NATS"));
  }

  private static void assertStatus(String block, int code, String description) {
    Headers h = decode(block);
    assertEquals(code, h.statusCode(), block);
    assertEquals(description, h.statusDescription(), block);
    assertTrue(h.isEmpty());
  }

  private static Headers decode(String block) {
    return HeadersCodec.decode(block.getBytes(UTF_8));
  }
}

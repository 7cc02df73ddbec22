package io.nats4j.jetstream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

  @Test
  void theServersUtcTimesReadAsTheGeneralParserReadsThem() {
    for (String text :
        List.of(
            "2026-12-06T16:24:43.123456789Z",
            "2026-12-06T16:24:43.12345678Z",
            "2026-12-06T16:24:43.1Z",
            "2026-12-06T16:24:43Z",
            "2024-02-29T23:59:59.999999999Z",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.5Z",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.000000001Z")) {
      assertNotNull(Rfc3339.parseUtc(text), text + " takes the fast path");
      assertEquals(OffsetDateTime.parse(text).toInstant(), Rfc3339.parse(text), text);
    }
  }

  @Test
  void anythingElseGoesToTheGeneralParser() {
    for (String text :
        List.of(
            "2026-12-06T16:24:43.123+01:00",
            "2026-12-06T16:24:43-05:30",
            "2026-12-06t16:24:43Z",
            "2026-12-06T16:24:43.1234567891Z",
            "2026-12-06T16:24:43.Z",
            "2026-12-06T16:24:43,5Z",
            "2026-13-06T16:24:43Z",
            "2026-02-30T16:24:43Z",
            "2026-12-06T24:00:00Z",
            "2026-12-06T16:60:00Z",
            "2026-12-06T16:24:60Z",
            "2026-12-0xT16:24:43Z",
            "2026-12-06 16:24:43Z",
            "short")) {
      assertNull(Rfc3339.parseUtc(text), text + " is not the server's UTC form");
      Instant expected;
      try {
        expected = OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        assertThrows(DateTimeParseException.class, () -> Rfc3339.parse(text), text);
        continue;
      }
      assertEquals(expected, Rfc3339.parse(text), text);
    }
  }
}

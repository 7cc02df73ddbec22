package io.nats4j.jetstream.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Reads the RFC 3339 times the server writes (Go's {@code RFC3339Nano} in UTC, e.g. {@code
 * 2026-12-06T16:24:43.123456789Z}, in every Direct Get reply's {@code Nats-Time-Stamp}) without the
 * general {@link java.time.format.DateTimeFormatter} machinery, which costs microseconds and a
 * dozen objects per call. Anything else (an offset other than {@code Z}, a leap second, a bad
 * digit) goes to {@link OffsetDateTime#parse}, which decides as before.
 *
 * <p>Thread-safety: stateless.
 */
public final class Rfc3339 {
  private Rfc3339() {}

  /**
   * Parses an RFC 3339 date-time.
   *
   * @param text the text
   * @return the instant
   * @throws java.time.format.DateTimeParseException if the text is not an RFC 3339 date-time
   */
  public static Instant parse(String text) {
    Instant fast = parseUtc(text);
    return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
  }

  /** The UTC form, or null when the text is anything else. */
  static Instant parseUtc(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(n - 1) != 'Z'
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    int nanos = 0;
    int p = 19;
    if (p < n - 1) {
      if (s.charAt(p) != '.' || n - 1 - (p + 1) < 1 || n - 1 - (p + 1) > 9) {
        return null;
      }
      int fraction = digits(s, p + 1, n - 1 - (p + 1));
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = n - 1 - (p + 1); i < 9; i++) {
        nanos *= 10;
      }
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null; // let the general parser report it
    }
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}

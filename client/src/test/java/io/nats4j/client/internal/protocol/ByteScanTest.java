package io.nats4j.client.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {

  @Test
  void findsTheFirstLineEndAndBlankAtEveryPositionAndOffset() {
    byte[] fillers = {'a', 'Z', '.', '$', '0', (byte) 0x80, (byte) 0xC3, (byte) 0xFF, 0x0C, 0x0E};
    Random random = new Random(21);
    for (int length = 0; length <= 40; length++) {
      for (int at = 0; at <= length; at++) {
        for (byte target : new byte[] {'\r', '\n', ' ', '\t'}) {
          byte[] b = new byte[length + 3];
          for (int i = 0; i < b.length; i++) {
            b[i] = fillers[random.nextInt(fillers.length)];
          }
          if (at < length) {
            b[at + 1] = target; // the range starts at 1: offsets are not 8-aligned
            if (at + 2 < length + 1) {
              b[at + 2] = target == ' ' || target == '\t' ? (byte) '\r' : (byte) ' ';
            }
          }
          int expected = at < length ? at + 1 : length + 1;
          int found =
              target == ' ' || target == '\t'
                  ? ByteScan.blank(b, 1, length + 1)
                  : ByteScan.lineEnd(b, 1, length + 1);
          assertEquals(expected, found, "length " + length + ", at " + at + ", byte " + target);
        }
      }
    }
  }

  @Test
  void neverLooksPastTheEndOfTheRange() {
    byte[] b = "abcdefghijklmnop\r\n qrs".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertEquals(16, ByteScan.lineEnd(b, 0, 16));
    assertEquals(16, ByteScan.lineEnd(b, 0, b.length));
    assertEquals(18, ByteScan.blank(b, 0, b.length));
    assertEquals(15, ByteScan.blank(b, 3, 15));
    assertEquals(5, ByteScan.lineEnd(b, 5, 5));
  }
}

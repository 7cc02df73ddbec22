package io.nats4j.client.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ReadBufferTest {
  @Test
  void doublesWhileReadsFillItUpTo128KiB() {
    ReadBuffer buffer = new ReadBuffer();
    assertEquals(64 * 1024, buffer.bytes().length);
    buffer.filled(64 * 1024);
    assertEquals(128 * 1024, buffer.bytes().length);
    byte[] max = buffer.bytes();
    buffer.filled(128 * 1024);
    assertSame(max, buffer.bytes(), "no larger than 128 KiB, and not replaced while full");
  }

  @Test
  void shrinksAfterSixtyFourSmallReadsInARow() {
    ReadBuffer buffer = new ReadBuffer();
    buffer.filled(64 * 1024);
    byte[] grown = buffer.bytes();
    for (int i = 0; i < ReadBuffer.SHRINK_AFTER - 1; i++) {
      buffer.filled(100);
    }
    buffer.filled(100 * 1024); // a larger read in between starts the count again
    for (int i = 0; i < ReadBuffer.SHRINK_AFTER - 1; i++) {
      buffer.filled(100);
    }
    assertSame(grown, buffer.bytes());
    buffer.filled(100);
    assertEquals(64 * 1024, buffer.bytes().length);
  }

  @Test
  void aSmallBufferStaysAsItIs() {
    ReadBuffer buffer = new ReadBuffer();
    byte[] first = buffer.bytes();
    for (int i = 0; i < 1000; i++) {
      buffer.filled(10);
    }
    assertSame(first, buffer.bytes());
  }
}

package io.nats4j.jetstream.internal.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchIdsTest {
  @Test
  void idsAreShortDistinctAndShareTheProcessPrefix() {
    Set<String> ids = new HashSet<>();
    String first = BatchIds.next();
    for (int i = 0; i < 10_000; i++) {
      String id = BatchIds.next();
      assertTrue(id.matches("[0-9A-Za-z]{11,16}"), id);
      assertEquals(first.substring(0, BatchIds.PREFIX_LENGTH), id.substring(0, 10));
      ids.add(id);
    }
    assertEquals(10_000, ids.size());
  }

  @Test
  void prefixesAreRandom() {
    SecureRandom random = new SecureRandom();
    String a = BatchIds.randomPrefix(random);
    assertEquals(BatchIds.PREFIX_LENGTH, a.length());
    assertNotEquals(a, BatchIds.randomPrefix(random));
  }
}

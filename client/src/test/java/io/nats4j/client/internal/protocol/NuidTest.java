package io.nats4j.client.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NuidTest {
  private static final Pattern BASE62_22 = Pattern.compile("[0-9A-Za-z]{22}");

  @Test
  void idsAre22Base62Chars() {
    Nuid nuid = new Nuid();
    for (int i = 0; i < 10_000; i++) {
      String id = nuid.nextNuid();
      assertTrue(BASE62_22.matcher(id).matches(), id);
    }
    assertTrue(BASE62_22.matcher(Nuid.next()).matches());
  }

  @Test
  void idsOfOneGeneratorAreUniqueAndSharePrefix() {
    Nuid nuid = new Nuid();
    Set<String> seen = new HashSet<>();
    String first = nuid.nextNuid();
    seen.add(first);
    for (int i = 0; i < 500_000; i++) {
      String id = nuid.nextNuid();
      assertTrue(seen.add(id), "duplicate " + id);
    }
    String last = nuid.nextNuid();
    // the prefix changes only when the sequence wraps, which is astronomically far away
    assertEquals(first.substring(0, 12), last.substring(0, 12));
  }

  @Test
  void differentGeneratorsHaveDifferentPrefixes() {
    assertNotEquals(new Nuid().nextNuid().substring(0, 12), new Nuid().nextNuid().substring(0, 12));
  }

  @Test
  void staticNextIsUniqueAcrossThreads() throws Exception {
    Set<String> all = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> futures =
          pool.invokeAll(
              List.of(
                  () -> generate(all),
                  () -> generate(all),
                  () -> generate(all),
                  () -> generate(all)));
      int total = 0;
      for (Future<Integer> f : futures) {
        total += f.get();
      }
      assertEquals(total, all.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void byteVariantWritesTheSameAlphabet() {
    Nuid nuid = new Nuid();
    byte[] dst = new byte[30];
    nuid.nextNuid(dst, 4);
    String id = new String(dst, 4, 22, StandardCharsets.US_ASCII);
    assertTrue(BASE62_22.matcher(id).matches(), id);
    assertNotEquals(id, nuid.nextNuid());
  }

  private static int generate(Set<String> sink) {
    for (int i = 0; i < 50_000; i++) {
      sink.add(Nuid.next());
    }
    return 50_000;
  }
}

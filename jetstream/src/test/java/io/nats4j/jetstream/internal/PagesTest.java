package io.nats4j.jetstream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nats4j.jetstream.internal.Pages.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagesTest {
  @Test
  void collectsEveryPageAskingFromTheCountSoFar() {
    List<Long> offsets = new ArrayList<>();
    List<Integer> all =
        Pages.all(
            offset -> {
              offsets.add(offset);
              int from = (int) offset;
              int to = Math.min(from + 2, 5);
              List<Integer> items = new ArrayList<>();
              for (int i = from; i < to; i++) {
                items.add(i);
              }
              return new Page<>(items, 5);
            });
    assertEquals(List.of(0, 1, 2, 3, 4), all);
    assertEquals(List.of(0L, 2L, 4L), offsets);
  }

  @Test
  void stopsOnAnEmptyOrMissingPageBeforeTheTotal() {
    List<Long> offsets = new ArrayList<>();
    List<String> all =
        Pages.all(
            offset -> {
              offsets.add(offset);
              return offset == 0 ? new Page<>(List.of("a"), 10) : new Page<>(null, 10);
            });
    assertEquals(List.of("a"), all);
    assertEquals(List.of(0L, 1L), offsets);
  }

  @Test
  void aSinglePageWithoutTotalIsAll() {
    assertEquals(List.of("x", "y"), Pages.all(offset -> new Page<>(List.of("x", "y"), 0)));
  }
}

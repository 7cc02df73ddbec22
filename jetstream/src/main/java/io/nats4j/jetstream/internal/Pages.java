package io.nats4j.jetstream.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Collects every page of a paged JetStream API answer ({@code STREAM.NAMES}, {@code STREAM.LIST},
 * {@code CONSUMER.NAMES}, {@code CONSUMER.LIST}, the subject map of {@code STREAM.INFO}).
 *
 * <p>The server pages by offset: the next request asks from the number of items received so far,
 * and the answer carries the {@code total}. Collection stops when the total is reached or a page
 * comes back empty (the set shrank while paging), so it always ends.
 *
 * <p>Thread-safety: stateless.
 */
public final class Pages {
  private Pages() {}

  /**
   * One answer: its items (null reads as none) and the total the server reported.
   *
   * @param items the items of this page, or null
   * @param total the number of items across all pages
   * @param <T> the item type
   */
  public record Page<T>(List<T> items, long total) {}

  /**
   * Requests pages until every item is collected.
   *
   * @param fetch asks for the page starting at the given offset
   * @param <T> the item type
   * @return every item, in the server's order
   */
  public static <T> List<T> all(LongFunction<Page<T>> fetch) {
    List<T> all = new ArrayList<>();
    while (true) {
      Page<T> page = fetch.apply(all.size());
      List<T> items = page.items() == null ? List.of() : page.items();
      all.addAll(items);
      if (items.isEmpty() || all.size() >= page.total()) {
        return all;
      }
    }
  }
}

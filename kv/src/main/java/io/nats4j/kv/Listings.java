package io.nats4j.kv;

import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.PurgeOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Keys, history and delete-marker purging, each a watcher read to the end of its initial data. */
final class Listings {
  private Listings() {}

  /** A lazily read stream of keys: one headers-only watcher, closed with the stream. */
  static Stream<String> keys(KeyValue kv, List<String> filters, Duration step) {
    KeyValueWatcher w =
        new Watches.IteratorWatcher(
            kv, filters, KeyValueWatchOptions.builder().ignoreDeletes(true).metaOnly(true).build());
    Iterator<String> it =
        new Iterator<>() {
          private String buffered;
          private boolean finished;

          @Override
          public boolean hasNext() {
            while (buffered == null && !finished) {
              if (w.initialDataDone()) {
                finished = true;
                w.close();
                break;
              }
              Optional<KeyValueEntry> e = w.next(step);
              if (e.isPresent()) {
                buffered = e.get().key();
              } else if (!w.initialDataDone()) {
                w.close();
                throw new KeyValueException(
                    "listing the keys of bucket '"
                        + kv.bucket()
                        + "' stalled: nothing arrived for "
                        + step);
              }
            }
            return buffered != null;
          }

          @Override
          public String next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            String k = buffered;
            buffered = null;
            return k;
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(w::close);
  }

  /** Every kept revision of the keys matching the filter, oldest first. */
  static List<KeyValueEntry> history(KeyValue kv, String filter, Duration step) {
    return readInitial(
        kv, List.of(filter), KeyValueWatchOptions.builder().includeHistory(true).build(), step);
  }

  static List<KeyValueEntry> readInitial(
      KeyValue kv, List<String> filters, KeyValueWatchOptions options, Duration step) {
    List<KeyValueEntry> entries = new ArrayList<>();
    try (KeyValueWatcher w = new Watches.IteratorWatcher(kv, filters, options)) {
      while (!w.initialDataDone()) {
        Optional<KeyValueEntry> e = w.next(step);
        if (e.isPresent()) {
          entries.add(e.get());
        } else if (!w.initialDataDone()) {
          throw new KeyValueException(
              "reading bucket '" + kv.bucket() + "' stalled: nothing arrived for " + step);
        }
      }
    }
    return entries;
  }

  /**
   * Removes the delete and purge markers (and what is left behind them); markers younger than
   * {@code olderThan} are kept as the only message of their key.
   */
  static long purgeDeletes(KeyValue kv, Duration olderThan, Duration step) {
    // Headers only, and only the markers kept: the values are never read, so a bucket larger than
    // the heap is purged like any other.
    List<KeyValueEntry> markers = new ArrayList<>();
    KeyValueWatchOptions metaOnly = KeyValueWatchOptions.builder().metaOnly(true).build();
    try (KeyValueWatcher w = new Watches.IteratorWatcher(kv, List.of(), metaOnly)) {
      while (!w.initialDataDone()) {
        Optional<KeyValueEntry> e = w.next(step);
        if (e.isPresent()) {
          if (e.get().operation() != KeyValueOperation.PUT) {
            markers.add(e.get());
          }
        } else if (!w.initialDataDone()) {
          throw new KeyValueException(
              "reading bucket '" + kv.bucket() + "' stalled: nothing arrived for " + step);
        }
      }
    }
    Instant limit = olderThan.isZero() ? null : Instant.now().minus(olderThan);
    long purged = 0;
    for (KeyValueEntry m : markers) {
      String subject = kv.readPrefix() + kv.storedKey(m.key());
      PurgeOptions p = PurgeOptions.subject(subject);
      if (limit != null && m.created() != null && m.created().isAfter(limit)) {
        p = PurgeOptions.keep(1).onSubject(subject);
      }
      try {
        purged += kv.jetStream().streams().purge(kv.streamName(), p);
      } catch (JetStreamApiException e) {
        throw new KeyValueException(
            "purging the markers of key '" + m.key() + "' in bucket '" + kv.bucket() + "' failed",
            e);
      }
    }
    return purged;
  }
}

package io.nats4j.kv;

import io.nats4j.jetstream.ConsumeErrorListener;
import io.nats4j.jetstream.ConsumeHandle;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.ConsumerMessages;
import io.nats4j.jetstream.DeliverPolicy;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.MessageMetadata;
import io.nats4j.jetstream.OrderedConsumer;
import io.nats4j.jetstream.OrderedConsumerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Watchers on the ordered consumer (ADR-8, ADR-17): the filters become consumer filter subjects,
 * the options its start policy and headers-only mode. The end of the initial data is the first
 * moment every message pending at the consumer's creation has been delivered (or a message reports
 * nothing pending after it), or at once when nothing was pending: it is signalled exactly once.
 */
final class Watches {
  /**
   * Pulls bounded by bytes, not messages: a watcher usually reads a whole range of small values (8
   * MiB is tens of thousands of entries a pull), and large values still cannot pile up unbounded.
   */
  private static final long WINDOW_BYTES = 8L * 1024 * 1024;

  private Watches() {}

  static List<String> subjects(KeyValue kv, List<String> filters) {
    List<String> subjects = new ArrayList<>();
    for (String f : filters) {
      subjects.add(kv.readPrefix() + kv.storedFilter(f));
    }
    if (subjects.isEmpty()) {
      subjects.add(kv.readPrefix() + ">");
    }
    return subjects;
  }

  static OrderedConsumer consumer(KeyValue kv, List<String> filters, KeyValueWatchOptions options) {
    OrderedConsumerConfig.Builder b =
        OrderedConsumerConfig.builder()
            .filterSubjects(subjects(kv, filters))
            .headersOnly(options.metaOnly());
    if (options.updatesOnly()) {
      b.deliverPolicy(DeliverPolicy.NEW);
    } else if (options.resumeFromRevision() > 0) {
      b.deliverPolicy(DeliverPolicy.BY_START_SEQUENCE).startSequence(options.resumeFromRevision());
    } else if (options.includeHistory()) {
      b.deliverPolicy(DeliverPolicy.ALL);
    } else {
      b.deliverPolicy(DeliverPolicy.LAST_PER_SUBJECT);
    }
    return kv.jetStream().orderedConsumer(kv.streamName(), b.build());
  }

  static ConsumeOptions consumeOptions(ConsumeErrorListener listener) {
    ConsumeOptions.Builder b = ConsumeOptions.builder().maxBytes(WINDOW_BYTES);
    if (listener != null) {
      b.errorListener(listener);
    }
    return b.build();
  }

  static KeyValueEntry entry(KeyValue kv, JsMessage m) {
    MessageMetadata meta = m.metadata();
    String subject = m.subject();
    String key =
        kv.appKey(
            subject.startsWith(kv.readPrefix())
                ? subject.substring(kv.readPrefix().length())
                : subject);
    return new KeyValueEntry(
        kv.bucket(),
        key,
        m.data(),
        meta.streamSequence(),
        meta.timestamp(),
        null,
        meta.numPending(),
        Entries.operation(m.headers()));
  }

  static long pendingAtStart(OrderedConsumer oc) {
    ConsumerInfo info = oc.currentInfo();
    return info == null ? 0 : info.numPending();
  }

  /** Counts initial messages; not thread-safe (used under the owner's lock or by one reader). */
  static final class Initial {
    private long pending;
    private long received;
    private boolean done;

    /** Starts tracking; true if the initial data is already complete (nothing pending). */
    boolean start(long pendingAtStart, boolean updatesOnly) {
      pending = pendingAtStart;
      done = updatesOnly || pendingAtStart == 0;
      return done;
    }

    /** Counts one delivered message; true exactly once, for the last initial one. */
    boolean delivered(long numPendingAfter) {
      if (done) {
        return false;
      }
      received++;
      if (received >= pending || numPendingAfter == 0) {
        done = true;
        return true;
      }
      return false;
    }

    boolean done() {
      return done;
    }
  }

  /** The listener form: consume() on the ordered consumer, the listener called under a lock. */
  static final class ListenerWatch implements KeyValueWatch, ConsumeErrorListener {
    private final KeyValue kv;
    private final KeyValueWatchOptions options;
    private final KeyValueWatchListener listener;
    private final Initial initial = new Initial();
    private final Object lock = new Object();
    private ConsumeHandle handle;
    private boolean stopped;

    ListenerWatch(
        KeyValue kv,
        List<String> filters,
        KeyValueWatchOptions options,
        KeyValueWatchListener listener) {
      this.kv = kv;
      this.options = options;
      this.listener = listener;
      OrderedConsumer oc = consumer(kv, filters, options);
      boolean emptyStart;
      // Messages may arrive while the consumer's creation returns: the handler waits on the lock
      // until the pending count at creation is known, so counting starts from the first message.
      synchronized (lock) {
        handle = oc.consume(this::onMessage, consumeOptions(this));
        emptyStart = initial.start(pendingAtStart(oc), options.updatesOnly());
      }
      if (emptyStart) {
        listener.endOfInitialData();
      }
    }

    private void onMessage(JsMessage m) {
      synchronized (lock) {
        if (stopped) {
          return;
        }
        KeyValueEntry e = entry(kv, m);
        if (!options.ignoreDeletes() || e.operation() == KeyValueOperation.PUT) {
          listener.onEntry(e);
        }
        if (initial.delivered(e.delta())) {
          listener.endOfInitialData();
        }
      }
    }

    @Override
    public void terminated(JetStreamException error) {
      synchronized (lock) {
        if (stopped) {
          return;
        }
        stopped = true;
      }
      listener.terminated(error);
    }

    @Override
    public void stop() {
      synchronized (lock) {
        stopped = true;
      }
      handle.stop();
    }

    @Override
    public void close() {
      stop();
    }
  }

  /** The iterator form: messages() on the ordered consumer, read at the caller's pace. */
  static final class IteratorWatcher implements KeyValueWatcher {
    private final KeyValue kv;
    private final KeyValueWatchOptions options;
    private final ConsumerMessages messages;
    private final Initial initial = new Initial();
    private volatile boolean closed;

    IteratorWatcher(KeyValue kv, List<String> filters, KeyValueWatchOptions options) {
      this.kv = kv;
      this.options = options;
      OrderedConsumer oc = consumer(kv, filters, options);
      this.messages = oc.messages(consumeOptions(null));
      initial.start(pendingAtStart(oc), options.updatesOnly());
    }

    @Override
    public Optional<KeyValueEntry> next(Duration maxWait) {
      if (closed) {
        throw new IllegalStateException("the watcher is closed");
      }
      long deadline = System.nanoTime() + maxWait.toNanos();
      while (true) {
        long left = deadline - System.nanoTime();
        Optional<JsMessage> m;
        try {
          m = messages.next(Duration.ofNanos(Math.max(0, left)));
        } catch (JetStreamException e) {
          throw new KeyValueException(
              "the watch on bucket '" + kv.bucket() + "' ended: " + e.getMessage(), e);
        }
        if (m.isEmpty()) {
          return Optional.empty();
        }
        KeyValueEntry e = entry(kv, m.get());
        boolean last = initial.delivered(e.delta());
        if (!options.ignoreDeletes() || e.operation() == KeyValueOperation.PUT) {
          return Optional.of(e);
        }
        if (last) {
          return Optional.empty();
        }
      }
    }

    @Override
    public boolean initialDataDone() {
      return initial.done();
    }

    @Override
    public void close() {
      closed = true;
      messages.close();
    }
  }
}

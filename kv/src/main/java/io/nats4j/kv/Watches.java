package io.nats4j.kv;

import io.nats4j.client.Dispatcher;
import io.nats4j.client.ServerInfo;
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
   * The least a pull asks for: pulls are bounded by bytes, not messages, since a watcher usually
   * reads a whole range of small values (8 MiB is tens of thousands of entries a pull).
   */
  static final long MIN_WINDOW_BYTES = 8L * 1024 * 1024;

  /** Room for a message's subject, reply subject and headers beside its value. */
  static final long MESSAGE_OVERHEAD = 64L * 1024;

  /** The server's largest possible max_payload, used when neither limit is known. */
  static final long MAX_PAYLOAD_LIMIT = 64L * 1024 * 1024;

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

  /**
   * The options of a watch's consume: a byte window that holds the largest value the bucket can
   * hold (a pull whose bytes are below one message's size is answered with {@code 409 Message Size
   * Exceeds MaxBytes} and never delivers it), and the watch's heartbeat.
   */
  static ConsumeOptions consumeOptions(
      KeyValue kv,
      KeyValueWatchOptions options,
      ConsumeErrorListener listener,
      Dispatcher dispatcher) {
    Duration heartbeat = options.idleHeartbeat();
    Duration expires = heartbeat.multipliedBy(2);
    if (expires.compareTo(ConsumeOptions.DEFAULT_EXPIRES) < 0) {
      expires = ConsumeOptions.DEFAULT_EXPIRES;
    }
    ConsumeOptions.Builder b =
        ConsumeOptions.builder()
            .maxBytes(windowBytes(kv))
            .idleHeartbeat(heartbeat)
            .expiresIn(expires);
    if (listener != null) {
      b.errorListener(listener);
    }
    if (dispatcher != null) {
      b.dispatcher(dispatcher);
    }
    return b.build();
  }

  /**
   * The byte window of a watch's pulls: at least {@link #MIN_WINDOW_BYTES}, and room for the
   * largest message the bucket can hold: its max value size, else the server's max payload.
   */
  static long windowBytes(KeyValue kv) {
    long largest = kv.maxValueSize();
    if (largest <= 0) {
      ServerInfo server = kv.jetStream().connection().serverInfo();
      largest = server == null ? 0 : server.maxPayload();
    }
    if (largest <= 0) {
      largest = MAX_PAYLOAD_LIMIT;
    }
    return Math.max(MIN_WINDOW_BYTES, largest + MESSAGE_OVERHEAD);
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

  /**
   * The listener form: consume() on the ordered consumer, on a dispatcher of the watch's own (or
   * the one the options name), the listener called under a lock.
   */
  static final class ListenerWatch implements KeyValueWatch, ConsumeErrorListener {
    private final KeyValue kv;
    private final KeyValueWatchOptions options;
    private final KeyValueWatchListener listener;
    private final Initial initial = new Initial();
    private final Object lock = new Object();
    private final Dispatcher ownDispatcher;
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
      this.ownDispatcher =
          options.dispatcher() == null
              ? kv.jetStream().connection().createDispatcher("kv-watch-" + kv.bucket())
              : null;
      Dispatcher dispatcher = ownDispatcher != null ? ownDispatcher : options.dispatcher();
      try {
        // Messages may arrive while the consumer's creation returns: the handler waits on the lock
        // until the pending count at creation is known, so counting starts from the first message,
        // and the end of an empty initial range is signalled before any update.
        synchronized (lock) {
          handle = oc.consume(this::onMessage, consumeOptions(kv, options, this, dispatcher));
          if (initial.start(pendingAtStart(oc), options.updatesOnly())) {
            listener.endOfInitialData();
          }
        }
      } catch (RuntimeException | Error e) {
        if (handle != null) {
          handle.stop();
        }
        closeOwnDispatcher();
        throw e;
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
      closeOwnDispatcher();
    }

    @Override
    public void stop() {
      synchronized (lock) {
        stopped = true;
      }
      handle.stop();
      closeOwnDispatcher();
    }

    private void closeOwnDispatcher() {
      if (ownDispatcher != null) {
        ownDispatcher.close();
      }
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
      this.messages = oc.messages(consumeOptions(kv, options, null, null));
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

package io.nats4j.objectstore;

import io.nats4j.client.Dispatcher;
import io.nats4j.jetstream.ConsumeHandle;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.DeliverPolicy;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.OrderedConsumer;
import io.nats4j.jetstream.OrderedConsumerConfig;
import io.nats4j.objectstore.internal.ObjectNames;
import java.time.Duration;

/**
 * A watch over a bucket's metas: an ordered consumer on {@code $O.<bucket>.M.>} (last per subject,
 * all, or new), and the end-of-initial-data signal given once: after the message the server reports
 * nothing pending after, or at once when the consumer started with nothing pending (an empty
 * bucket) or for updates only. Calls to the watcher are serialized by one lock, so the signal
 * always comes before the first update.
 *
 * <p>Thread-safety: safe from any thread.
 */
final class ObjectWatchImpl implements ObjectWatch {
  /** ADR-17's heartbeat for watches (nats.go's too). */
  static final Duration HEARTBEAT = Duration.ofSeconds(5);

  private final ObjectWatcher watcher;
  private final String bucket;
  private final WatchOptions options;
  private final OrderedConsumer consumer;
  private final Object lock = new Object();
  private boolean initDone; // guarded by lock
  private final JetStream js;
  private volatile boolean stopped;
  private ConsumeHandle handle;
  private Dispatcher ownDispatcher;

  ObjectWatchImpl(JetStream js, String bucket, ObjectWatcher watcher, WatchOptions options) {
    this.js = js;
    this.watcher = watcher;
    this.bucket = bucket;
    this.options = options;
    DeliverPolicy policy =
        options.updatesOnly()
            ? DeliverPolicy.NEW
            : options.includeHistory() ? DeliverPolicy.ALL : DeliverPolicy.LAST_PER_SUBJECT;
    this.consumer =
        js.orderedConsumer(
            ObjectNames.stream(bucket),
            OrderedConsumerConfig.builder()
                .filterSubjects(ObjectNames.allMeta(bucket))
                .deliverPolicy(policy)
                .build());
  }

  ObjectWatch start() {
    if (options.updatesOnly()) {
      synchronized (lock) {
        signalInit();
      }
    }
    // A dispatcher of its own unless told: a slow watcher holds back only this watch.
    Dispatcher dispatcher = options.dispatcher();
    if (dispatcher == null) {
      ownDispatcher = js.connection().createDispatcher("object-watch-" + bucket);
      dispatcher = ownDispatcher;
    }
    // ADR-17's 5 s heartbeat: a watch whose consumer vanished (bucket deleted, server restarted)
    // notices within a few heartbeats instead of the default 15 s ones.
    try {
      handle =
          consumer.consume(
              this::onMessage,
              ConsumeOptions.builder().idleHeartbeat(HEARTBEAT).dispatcher(dispatcher).build());
    } catch (RuntimeException | Error e) {
      closeOwnDispatcher();
      throw e;
    }
    handle
        .closed()
        .whenComplete(
            (ok, failure) -> {
              if (failure != null && !stopped) {
                synchronized (lock) {
                  watcher.onError(
                      new ObjectStoreException(
                          "the watch of bucket '" + bucket + "' ended: " + failure.getMessage(),
                          failure));
                }
              }
              if (failure != null) {
                closeOwnDispatcher();
              }
            });
    synchronized (lock) {
      if (!initDone && nothingPendingAtStart()) {
        signalInit();
      }
    }
    return this;
  }

  private boolean nothingPendingAtStart() {
    ConsumerInfo info = consumer.currentInfo();
    return info != null && info.numPending() == 0;
  }

  private void onMessage(JsMessage m) {
    synchronized (lock) {
      if (stopped) {
        return;
      }
      if (!initDone && nothingPendingAtStart()) {
        signalInit();
      }
      try {
        ObjectInfo info = MetaJson.decode(m.data(), m.metadata().timestamp());
        if (!options.ignoreDeletes() || !info.isDeleted()) {
          watcher.onUpdate(info);
        }
      } catch (ObjectStoreException e) {
        watcher.onError(
            new ObjectStoreException(
                "unreadable meta on " + m.subject() + ": " + e.getMessage(), e));
      }
      if (!initDone && m.metadata().numPending() == 0) {
        signalInit();
      }
    }
  }

  private void signalInit() {
    if (!initDone) {
      initDone = true;
      watcher.onEndOfInitialData();
    }
  }

  @Override
  public void stop() {
    stopped = true;
    ConsumeHandle h = handle;
    if (h != null) {
      h.stop();
    }
    closeOwnDispatcher();
  }

  private void closeOwnDispatcher() {
    Dispatcher d = ownDispatcher;
    if (d != null) {
      d.close();
    }
  }

  @Override
  public void close() {
    stop();
  }
}

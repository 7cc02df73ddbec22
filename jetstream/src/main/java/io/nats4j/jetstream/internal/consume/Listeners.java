package io.nats4j.jetstream.internal.consume;

import io.nats4j.jetstream.ConsumeErrorListener;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JsMessage;
import java.time.Duration;

/** Calls a user's {@link ConsumeErrorListener} so that a throwing listener harms nothing. */
final class Listeners {
  private static final ConsumeErrorListener DEFAULT = LoggingConsumeErrorListener.INSTANCE;

  private final ConsumeErrorListener listener;

  Listeners(ConsumeErrorListener listener) {
    this.listener = listener == null ? DEFAULT : listener;
  }

  void warning(int code, String description) {
    run(() -> listener.warning(code, description));
  }

  void heartbeatsMissed(Duration silence) {
    run(() -> listener.heartbeatsMissed(silence));
  }

  void terminated(JetStreamException error) {
    run(() -> listener.terminated(error));
  }

  void handlerFailed(JsMessage message, Throwable error) {
    run(() -> listener.handlerFailed(message, error));
  }

  void orderedReset(String reason, long next) {
    run(() -> listener.orderedReset(reason, next));
  }

  private static void run(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LoggingConsumeErrorListener.listenerThrew(e);
    }
  }
}

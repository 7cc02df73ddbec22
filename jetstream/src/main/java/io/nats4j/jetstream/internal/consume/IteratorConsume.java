package io.nats4j.jetstream.internal.consume;

import io.nats4j.client.Message;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.ConsumerMessages;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JsMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code messages()} on a named consumer: a synchronous subscription the caller takes from, and a
 * {@link PullSession} that the taking thread drives. Waits park on the subscription's lock
 * condition (no monitor), so virtual threads unmount while waiting.
 */
final class IteratorConsume implements ConsumerMessages, PullSession.Owner {

  private final PullTarget target;
  private final Listeners listeners;
  private final PullSession session;
  private final NoRespondersRecovery noResponders;
  private final Subscription subscription;
  private volatile JetStreamException terminal;
  private volatile boolean stopped;

  IteratorConsume(PullTarget target, ConsumeOptions options) {
    this.target = target;
    this.listeners = new Listeners(options.errorListener());
    this.session = new PullSession(target, options, this);
    this.noResponders =
        new NoRespondersRecovery(
            target,
            listeners,
            this::terminal,
            () -> {
              if (!stopped && terminal == null) {
                session.repullFresh();
              }
            });
    this.subscription = target.connection.subscribe(session.inbox);
    session.start(subscription);
  }

  @Override
  public Optional<JsMessage> next(Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (true) {
      check();
      long wait = Math.max(0, deadline - System.nanoTime());
      Message raw;
      try {
        raw = subscription.next(Duration.ofNanos(wait));
      } catch (NatsTimeoutException e) {
        return Optional.empty();
      } catch (IllegalStateException e) {
        check();
        throw e;
      }
      JsMessageImpl m = session.process(raw);
      if (m != null) {
        return Optional.of(m);
      }
      if (System.nanoTime() - deadline >= 0) {
        check();
        return Optional.empty();
      }
    }
  }

  private void check() {
    JetStreamException t = terminal;
    if (t != null) {
      throw new JetStreamException(t.getMessage(), t);
    }
    if (stopped) {
      throw new IllegalStateException(
          "the message iterator of " + target.describe() + " is stopped");
    }
  }

  @Override
  public void warning(int code, String description) {
    listeners.warning(code, description);
  }

  @Override
  public void heartbeatsMissed(Duration silence) {
    listeners.heartbeatsMissed(silence);
    session.repullFresh();
  }

  @Override
  public void reconnected() {
    session.repullFresh();
  }

  @Override
  public void terminal(JetStreamException error) {
    if (terminal != null || stopped) {
      return;
    }
    terminal = error;
    session.close();
    subscription.unsubscribe();
    listeners.terminated(error);
  }

  @Override
  public void noResponders() {
    noResponders.onNoResponders();
  }

  @Override
  public void stop() {
    stopped = true;
    session.close();
    subscription.unsubscribe();
  }

  @Override
  public void close() {
    stop();
  }
}

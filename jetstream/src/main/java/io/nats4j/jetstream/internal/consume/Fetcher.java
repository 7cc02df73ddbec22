package io.nats4j.jetstream.internal.consume;

import io.nats4j.client.Message;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.FetchOptions;
import io.nats4j.jetstream.FetchResult;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.PriorityPull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One pull request on its own inbox, read on the caller's thread until the batch is complete, the
 * server ends the request, or the deadline (expiry + {@link #GRACE}) passes.
 */
final class Fetcher {
  /**
   * How long after the expiry the client keeps listening for the server's last messages and its
   * {@code 408}: on a slow link they are still in flight when the expiry passes (nats.go: 1 s).
   */
  static final Duration GRACE = Duration.ofSeconds(1);

  /** A fetch's messages; {@code gap} when the ordered check refused one (the rest was dropped). */
  record Outcome(
      List<JsMessage> messages,
      long bytes,
      FetchResult.End end,
      JetStreamException error,
      boolean gap) {
    FetchResult result() {
      return FetchResult.of(messages, bytes, end, error);
    }
  }

  private Fetcher() {}

  /**
   * Fetches; in a pinned priority group it sends the target's pin id, keeps the id delivered
   * messages carry, and forgets it on a {@code 423}.
   */
  static Outcome fetch(PullTarget t, FetchOptions o, Predicate<JsMessageImpl> accept) {
    PullPin pin = t.pin;
    PriorityPull p = o.priority();
    PullRequest request =
        new PullRequest(
            o.maxMessages(),
            o.maxBytes(),
            o.noWait() && o.expiresIn().equals(FetchOptions.DEFAULT_EXPIRES) ? null : o.expiresIn(),
            o.noWait(),
            o.idleHeartbeat(),
            p == null ? null : p.group(),
            p == null ? 0 : p.minPending(),
            p == null ? 0 : p.minAckPending(),
            p == null ? null : pin.id(),
            p == null || p.priority() < 0 ? 0 : p.priority());
    String inbox = t.connection.createInbox();
    Subscription sub = t.connection.subscribe(inbox);
    List<JsMessage> messages = new ArrayList<>(Math.min(o.maxMessages(), 1024));
    long bytes = 0;
    FetchResult.End end = null;
    JetStreamException error = null;
    boolean gap = false;
    try {
      if (!t.send(inbox, request)) {
        throw new JetStreamException(
            "cannot fetch from "
                + t.describe()
                + ": the pull request could not be sent"
                + " (connection closed)");
      }
      long wait =
          o.noWait() && request.expires() == null
              ? t.api.options().requestTimeout().toNanos()
              : o.expiresIn().toNanos() + GRACE.toNanos();
      long deadline = System.nanoTime() + wait;
      long heartbeatWindow = o.idleHeartbeat() == null ? 0 : 2 * o.idleHeartbeat().toNanos();
      while (messages.size() < o.maxMessages() && (o.maxBytes() == 0 || bytes < o.maxBytes())) {
        long now = System.nanoTime();
        long left = deadline - now;
        if (left <= 0) {
          end = FetchResult.End.EXPIRED;
          break;
        }
        long slice = heartbeatWindow > 0 ? Math.min(left, heartbeatWindow) : left;
        Message raw;
        try {
          raw = sub.next(Duration.ofNanos(slice));
        } catch (NatsTimeoutException e) {
          if (deadline - System.nanoTime() <= 0) {
            end = FetchResult.End.EXPIRED;
          } else {
            end = FetchResult.End.HEARTBEATS_MISSED;
            error =
                new JetStreamException(
                    "fetch from "
                        + t.describe()
                        + " ended: no idle heartbeat for "
                        + Duration.ofNanos(heartbeatWindow).toMillis()
                        + " ms");
          }
          break;
        }
        if (raw.statusCode() == 0) {
          if (p != null) {
            pin.keepFrom(raw);
          }
          JsMessageImpl m = new JsMessageImpl(raw, t.connection, t.ackNone);
          if (accept != null && !accept.test(m)) {
            gap = true;
            end = FetchResult.End.COMPLETE;
            break;
          }
          messages.add(m);
          bytes += m.size();
          continue;
        }
        switch (PullStatus.classify(raw)) {
          case HEARTBEAT:
          case FLOW_CONTROL:
            continue;
          case NO_MESSAGES:
            end = FetchResult.End.NO_MESSAGES;
            break;
          case REQUEST_TIMEOUT:
            end = FetchResult.End.EXPIRED;
            break;
          case MAX_BYTES:
            end = FetchResult.End.MAX_BYTES;
            break;
          case BATCH_COMPLETED:
            end = FetchResult.End.COMPLETE;
            break;
          case PIN_RESET:
            pin.forget();
            end = FetchResult.End.ERROR;
            error =
                new JetStreamException(
                    "fetch from "
                        + t.describe()
                        + " ended: "
                        + PullStatus.describe(raw)
                        + "; another member holds the group's pin now, the next pull goes without"
                        + " it");
            break;
          case NO_RESPONDERS:
            end = FetchResult.End.ERROR;
            error =
                new JetStreamException(
                    "fetch from "
                        + t.describe()
                        + ": nothing answered the pull (503); the"
                        + " consumer or stream does not exist, or JetStream is unavailable");
            break;
          default:
            end = FetchResult.End.ERROR;
            error =
                new JetStreamException(
                    "fetch from " + t.describe() + " ended: " + PullStatus.describe(raw));
            break;
        }
        break;
      }
    } finally {
      sub.unsubscribe();
    }
    if (end == null) {
      end = FetchResult.End.COMPLETE;
    }
    if (error != null && messages.isEmpty()) {
      throw error;
    }
    return new Outcome(messages, bytes, end, error, gap);
  }
}

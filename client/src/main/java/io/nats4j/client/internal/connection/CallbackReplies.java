package io.nats4j.client.internal.connection;

import io.nats4j.client.Message;
import io.nats4j.client.MessageHandler;
import io.nats4j.client.RequestManyEnd;
import io.nats4j.client.RequestManyOptions;
import io.nats4j.client.internal.routing.ReplyStream;
import io.nats4j.client.internal.threads.ConnectionScheduler;
import java.util.concurrent.CompletableFuture;

/**
 * The callback form of request-many. Replies, failures and timer expiries are all posted to the
 * connection's event thread, which alone reads and changes the state below: the user's handler and
 * sentinel run there, one at a time, and the stall timer restarts after the handler returns.
 *
 * <p>Thread-safety: {@link #onReply}/{@link #onEnd} from any thread (they only post); the rest runs
 * on the event thread.
 */
final class CallbackReplies implements ReplyStream {
  private final RequestManyOptions options;
  private final MessageHandler handler;
  private final EventBus events;
  private final ConnectionScheduler scheduler;
  private final long deadline;
  private final long stallNanos;
  private final CompletableFuture<RequestManyEnd> result = new CompletableFuture<>();
  private Runnable forget = () -> {};

  // event thread only
  private int count;
  private ConnectionScheduler.Timer totalTimer;
  private ConnectionScheduler.Timer stallTimer;
  private long stallGeneration;

  CallbackReplies(
      RequestManyOptions options,
      MessageHandler handler,
      EventBus events,
      ConnectionScheduler scheduler,
      long totalNanos) {
    this.options = options;
    this.handler = handler;
    this.events = events;
    this.scheduler = scheduler;
    this.deadline = System.nanoTime() + totalNanos;
    long stall = options.stall() == null ? Long.MAX_VALUE : options.stall().toNanos();
    this.stallNanos = stall >= totalNanos ? Long.MAX_VALUE : stall;
  }

  /** Arms the total timeout; called once the request is registered. */
  CompletableFuture<RequestManyEnd> start(Runnable forgetRequest) {
    this.forget = forgetRequest;
    ConnectionScheduler.Timer timer =
        scheduler.scheduleNanos(
            deadline - System.nanoTime(), () -> events.post(() -> finish(RequestManyEnd.TIMEOUT)));
    events.post(() -> totalTimer = timer);
    result.whenComplete(
        (end, error) -> {
          if (result.isCancelled()) {
            forgetRequest.run();
            timer.cancel();
          }
        });
    return result;
  }

  @Override
  public void onReply(Message reply) {
    events.post(() -> handle(reply));
  }

  @Override
  public void onEnd(Throwable cause) {
    events.post(
        () -> {
          if (!result.isDone()) {
            cancelTimers();
            result.completeExceptionally(Requests.rethrow(cause));
          }
        });
  }

  private void handle(Message reply) {
    if (result.isDone()) {
      return;
    }
    if (options.isSentinel(reply)) {
      finish(RequestManyEnd.SENTINEL);
      return;
    }
    count++;
    try {
      handler.onMessage(reply);
    } catch (Exception | Error e) {
      forget.run();
      cancelTimers();
      result.completeExceptionally(e);
      return;
    }
    if (options.maxMessages() > 0 && count >= options.maxMessages()) {
      finish(RequestManyEnd.MAX_MESSAGES);
      return;
    }
    armStall();
  }

  private void armStall() {
    if (stallNanos == Long.MAX_VALUE) {
      return;
    }
    long remaining = deadline - System.nanoTime();
    if (stallNanos >= remaining) {
      return; // the total timeout comes first
    }
    if (stallTimer != null) {
      stallTimer.cancel();
    }
    long generation = ++stallGeneration;
    stallTimer =
        scheduler.scheduleNanos(
            stallNanos,
            () ->
                events.post(
                    () -> {
                      if (generation == stallGeneration) {
                        finish(RequestManyEnd.STALL);
                      }
                    }));
  }

  private void finish(RequestManyEnd reason) {
    if (result.isDone()) {
      return;
    }
    forget.run();
    cancelTimers();
    result.complete(reason);
  }

  private void cancelTimers() {
    if (totalTimer != null) {
      totalTimer.cancel();
    }
    if (stallTimer != null) {
      stallTimer.cancel();
    }
  }
}

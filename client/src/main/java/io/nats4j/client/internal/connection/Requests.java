package io.nats4j.client.internal.connection;

import io.nats4j.client.AuthorizationException;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.MessageHandler;
import io.nats4j.client.NatsException;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.NoRespondersException;
import io.nats4j.client.Replies;
import io.nats4j.client.RequestManyEnd;
import io.nats4j.client.RequestManyOptions;
import io.nats4j.client.internal.protocol.Subjects;
import io.nats4j.client.internal.routing.RequestMux;
import io.nats4j.client.internal.routing.SubscriptionTable;
import io.nats4j.client.internal.threads.ConnectionScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Request/reply over the connection's one muxed inbox subscription.
 *
 * <p>Thread-safety: safe from any thread. The mux completes its internal futures on the reader
 * thread; a sync {@code request} only waits on them, while {@code requestAsync} hands the caller a
 * separate future completed on the event thread, so user stages never run on the reader.
 */
final class Requests {
  private final RequestMux mux;
  private final SubscriptionTable table;
  private final NatsConnection host;
  private final EventBus events;
  private final ConnectionScheduler scheduler;

  Requests(
      RequestMux mux,
      SubscriptionTable table,
      NatsConnection host,
      EventBus events,
      ConnectionScheduler scheduler) {
    this.scheduler = scheduler;
    this.mux = mux;
    this.table = table;
    this.host = host;
    this.events = events;
  }

  Message request(String subject, Headers headers, byte[] data, Duration timeout) {
    CompletableFuture<Message> reply = new CompletableFuture<>();
    // registered before the SUB goes out, so a denial of the reply subscription can fail it
    String replyTo = mux.register(reply, subject);
    try {
      mux.ensureSubscribed(table, host);
      // the caller waits next, so it may write the request itself
      host.publishRequestNow(subject, Subjects.validatePublishSubject(replyTo), headers, data);
    } catch (RuntimeException e) {
      mux.forget(replyTo);
      throw e;
    }
    try {
      return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      mux.forget(replyTo);
      throw requestTimeout(subject, timeout);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } catch (InterruptedException e) {
      mux.forget(replyTo);
      Thread.currentThread().interrupt();
      throw new NatsException("interrupted while waiting for a reply on " + subject, e);
    }
  }

  CompletableFuture<Message> requestAsync(
      String subject, Headers headers, byte[] data, Duration timeout) {
    CompletableFuture<Message> internal = new CompletableFuture<>();
    String replyTo = startRequest(subject, headers, data, internal);
    CompletableFuture<Message> result = new CompletableFuture<>();
    scheduler
        .failAfter(internal, timeout, TimeoutException::new)
        .whenComplete(
            (message, error) -> {
              if (error != null) {
                mux.forget(replyTo);
              }
              events.post(
                  () -> {
                    if (error == null) {
                      result.complete(message);
                    } else if (unwrap(error) instanceof TimeoutException) {
                      result.completeExceptionally(requestTimeout(subject, timeout));
                    } else {
                      result.completeExceptionally(unwrap(error));
                    }
                  });
            });
    result.whenComplete(
        (message, error) -> {
          if (result.isCancelled()) {
            mux.forget(replyTo);
            internal.cancel(false);
          }
        });
    return result;
  }

  Replies requestMany(
      String subject, Headers headers, byte[] data, RequestManyOptions options, Duration total) {
    BlockingReplies replies = new BlockingReplies(subject, options, total.toNanos());
    String replyTo = mux.registerMany(replies, subject);
    replies.onClose(r -> mux.forget(replyTo));
    publishRequest(subject, replyTo, headers, data);
    return replies;
  }

  CompletableFuture<RequestManyEnd> requestMany(
      String subject,
      Headers headers,
      byte[] data,
      RequestManyOptions options,
      MessageHandler onReply,
      Duration total) {
    CallbackReplies replies =
        new CallbackReplies(options, onReply, events, scheduler, total.toNanos());
    String replyTo = mux.registerMany(replies, subject);
    CompletableFuture<RequestManyEnd> result = replies.start(() -> mux.forget(replyTo));
    try {
      publishRequest(subject, replyTo, headers, data);
    } catch (RuntimeException e) {
      result.cancel(false);
      throw e;
    }
    return result;
  }

  private void publishRequest(String subject, String replyTo, Headers headers, byte[] data) {
    try {
      mux.ensureSubscribed(table, host);
      host.publish(subject, replyTo, headers, data);
    } catch (RuntimeException e) {
      mux.forget(replyTo);
      throw e;
    }
  }

  private String startRequest(
      String subject, Headers headers, byte[] data, CompletableFuture<Message> reply) {
    // registered before the SUB goes out, so a denial of the reply subscription can fail it
    String replyTo = mux.register(reply, subject);
    try {
      mux.ensureSubscribed(table, host);
      host.publishCounted(subject, replyTo, headers, data); // observed as a request, not a publish
    } catch (RuntimeException e) {
      mux.forget(replyTo);
      throw e;
    }
    return replyTo;
  }

  private static NatsTimeoutException requestTimeout(String subject, Duration timeout) {
    return new NatsTimeoutException(
        "no reply to the request on " + subject + " within " + timeout.toMillis() + " ms");
  }

  static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  /**
   * Rethrows a failure from another thread as the same type, with this thread's stack. The copy
   * takes the original's cause (the close reason of a closed connection, say), not the original
   * itself: a chain of the same exception twice says nothing more.
   */
  static RuntimeException rethrow(Throwable cause) {
    if (!(cause instanceof NatsException e)) {
      return new NatsException(String.valueOf(cause), cause);
    }
    return sameType(e, e.getMessage(), e.getCause());
  }

  private static RuntimeException sameType(NatsException e, String message, Throwable cause) {
    if (e instanceof NoRespondersException) {
      return new NoRespondersException(message, cause);
    }
    if (e instanceof ConnectionClosedException) {
      return new ConnectionClosedException(message, cause);
    }
    if (e instanceof AuthorizationException) {
      return new AuthorizationException(message, cause);
    }
    if (e instanceof NatsTimeoutException) {
      return new NatsTimeoutException(message, cause);
    }
    if (e instanceof io.nats4j.client.DisconnectedException) {
      return new io.nats4j.client.DisconnectedException(message, cause);
    }
    if (e.getClass() == NatsException.class) {
      return new NatsException(message, cause);
    }
    return e; // a type this method does not copy: thrown as it is
  }
}

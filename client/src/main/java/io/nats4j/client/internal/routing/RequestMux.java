package io.nats4j.client.internal.routing;

import io.nats4j.client.Message;
import io.nats4j.client.NoRespondersException;
import io.nats4j.client.ProtocolException;
import io.nats4j.client.internal.protocol.Msg;
import io.nats4j.client.internal.protocol.Nuid;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All requests of a connection share one subscription, {@code <inbox prefix>.<nuid>.*}; each
 * request gets a token (the last subject token) that maps to its future.
 *
 * <p>Thread-safety: safe from any thread. Futures are completed on the reader thread, so they must
 * be internal: the connection hands users derived futures completed elsewhere.
 */
public final class RequestMux {
  private record Pending(CompletableFuture<Message> future, ReplyStream stream, String subject) {
    void fail(Throwable cause) {
      if (stream != null) {
        stream.onEnd(cause);
      } else {
        future.completeExceptionally(cause);
      }
    }
  }

  private final String prefix;
  private final ConcurrentHashMap<String, Pending> waiting = new ConcurrentHashMap<>();
  private final AtomicLong tokens = new AtomicLong();
  private volatile long sid = -1;
  // true once the SUB is written: requests must not be published before it
  private volatile boolean subscribed;

  /**
   * Creates the mux.
   *
   * @param inboxPrefix the connection's inbox prefix, e.g. {@code _INBOX}
   */
  public RequestMux(String inboxPrefix) {
    this.prefix = inboxPrefix + "." + Nuid.next() + ".";
  }

  /**
   * Returns the wildcard subject the mux subscribes to.
   *
   * @return {@code <prefix>.<nuid>.*}
   */
  public String subject() {
    return prefix + "*";
  }

  /**
   * Returns the mux subscription's sid.
   *
   * @return the sid, or -1 before the first request
   */
  public long sid() {
    return sid;
  }

  /**
   * Subscribes the mux on first use.
   *
   * @param table allocates the sid
   * @param host writes the SUB
   */
  public void ensureSubscribed(SubscriptionTable table, RoutingHost host) {
    if (subscribed) {
      return;
    }
    synchronized (this) {
      if (!subscribed) {
        // the sid is set before the SUB so that a reconnect preamble built meanwhile includes it
        sid = table.nextSid();
        try {
          host.sendSubscribe(sid, subject(), null);
        } catch (RuntimeException e) {
          sid = -1;
          throw e;
        }
        subscribed = true;
      }
    }
  }

  /**
   * Registers a request.
   *
   * @param future completed with the reply
   * @param subject the request subject, for error messages
   * @return the reply subject to publish the request with
   */
  public String register(CompletableFuture<Message> future, String subject) {
    String token = Long.toString(tokens.incrementAndGet(), 36);
    waiting.put(token, new Pending(future, null, subject));
    return prefix + token;
  }

  /**
   * Registers a request-many: every reply goes to {@code stream} until it is {@link #forget
   * forgotten} or fails.
   *
   * @param stream receives the replies
   * @param subject the request subject, for error messages
   * @return the reply subject to publish the request with
   */
  public String registerMany(ReplyStream stream, String subject) {
    String token = Long.toString(tokens.incrementAndGet(), 36);
    waiting.put(token, new Pending(null, stream, subject));
    return prefix + token;
  }

  /**
   * Forgets a request (timed out, cancelled, or never sent).
   *
   * @param replySubject the reply subject {@link #register} returned
   */
  public void forget(String replySubject) {
    if (replySubject.startsWith(prefix)) {
      waiting.remove(replySubject.substring(prefix.length()));
    }
  }

  /**
   * Returns how many requests wait for replies.
   *
   * @return the number of pending requests
   */
  public int pending() {
    return waiting.size();
  }

  void onReply(Msg msg, RoutingHost host) {
    String subject = msg.subject();
    if (!subject.startsWith(prefix)) {
      return;
    }
    String token = subject.substring(prefix.length());
    Pending p = waiting.get(token);
    if (p == null) {
      return;
    }
    boolean last = p.stream == null;
    if (IncomingMessage.statusCode(msg.headers()) == 503 && msg.payload().length == 0) {
      last = true;
    }
    if (last && !waiting.remove(token, p)) {
      return; // forgotten or answered meanwhile
    }
    if (IncomingMessage.statusCode(msg.headers()) == 503 && msg.payload().length == 0) {
      p.fail(
          new NoRespondersException(
              "no responders: nobody is subscribed to " + p.subject + " (server status 503)"));
      return;
    }
    IncomingMessage reply;
    try {
      reply = new IncomingMessage(msg, null, host);
    } catch (ProtocolException malformed) {
      waiting.remove(token, p);
      p.fail(
          new ProtocolException(
              "the reply to the request on "
                  + p.subject
                  + " is malformed: "
                  + malformed.getMessage(),
              malformed));
      return;
    }
    if (p.stream != null) {
      p.stream.onReply(reply);
    } else {
      p.future.complete(reply);
    }
  }

  /**
   * Fails the pending requests published to {@code subject} (the server denied the publish).
   *
   * @param subject the denied subject
   * @param cause the failure
   * @return how many requests failed
   */
  public int failPublishedTo(String subject, Throwable cause) {
    int failed = 0;
    for (var entry : waiting.entrySet()) {
      Pending p = entry.getValue();
      if (p.subject.equals(subject) && waiting.remove(entry.getKey(), p)) {
        p.fail(cause);
        failed++;
      }
    }
    return failed;
  }

  /**
   * Forgets the subscription after the server denied it, so the next request subscribes again (and
   * learns the verdict again instead of waiting for a reply that cannot come).
   */
  public void resubscribeOnNextRequest() {
    synchronized (this) {
      subscribed = false;
      sid = -1;
    }
  }

  /**
   * Fails every pending request.
   *
   * @param cause the failure
   */
  public void failAll(Throwable cause) {
    List<Pending> all = new ArrayList<>(waiting.values());
    waiting.clear();
    for (Pending p : all) {
      p.fail(cause);
    }
  }
}

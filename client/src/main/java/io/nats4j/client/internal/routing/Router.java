package io.nats4j.client.internal.routing;

import io.nats4j.client.MessageHandler;
import io.nats4j.client.ProtocolException;
import io.nats4j.client.internal.protocol.GrowableBuffer;
import io.nats4j.client.internal.protocol.Msg;
import io.nats4j.client.internal.protocol.ProtocolWriter;
import io.nats4j.client.internal.protocol.Subjects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Creates subscriptions and routes every received message to its subscription or to the request
 * mux.
 *
 * <p>Thread-safety: {@link #subscribe} is safe from any thread; {@link #route} is called by the
 * reader thread only, which also owns the inbound counters (published to other threads through
 * {@link #publishCounters()}).
 */
public final class Router {
  private final SubscriptionTable table;
  private final RoutingHost host;
  private final RequestMux mux;
  private final long defaultPendingMessages;
  private final long defaultPendingBytes;

  // reader-thread state: the batch of messages for one queue, and the last sid lookup
  private final ArrayList<IncomingMessage> batch = new ArrayList<>(1024);
  private final ArrayList<NatsSubscription> newlySlow = new ArrayList<>();
  private MessageQueue batchQueue;
  private long cachedSid = -1;
  private NatsSubscription cachedSub;
  private long cachedRemovals;

  private long inMessages;
  private long inBytes;
  private long dropped;
  private volatile long[] counters = new long[3];

  /**
   * Creates the router.
   *
   * @param table the subscription table
   * @param host the connection
   * @param mux the request mux
   * @param defaultPendingMessages pending message limit of new subscriptions
   * @param defaultPendingBytes pending byte limit of new subscriptions
   */
  public Router(
      SubscriptionTable table,
      RoutingHost host,
      RequestMux mux,
      long defaultPendingMessages,
      long defaultPendingBytes) {
    this.table = table;
    this.host = host;
    this.mux = mux;
    this.defaultPendingMessages = defaultPendingMessages;
    this.defaultPendingBytes = defaultPendingBytes;
  }

  /**
   * Validates, registers and sends a subscription.
   *
   * @param subject the subject
   * @param queue the queue group or null
   * @param handler the handler, null for a sync subscription
   * @param dispatcher the dispatcher, null for a sync subscription
   * @return the subscription
   * @throws IllegalArgumentException for an invalid subject or queue, before anything is written
   */
  public NatsSubscription subscribe(
      String subject, String queue, MessageHandler handler, NatsDispatcher dispatcher) {
    Subjects.validateSubscribeSubject(subject);
    if (queue != null) {
      Subjects.validateQueueGroup(queue);
    }
    long sid = table.nextSid();
    MessageQueue q = dispatcher == null ? new MessageQueue() : dispatcher.queue();
    NatsSubscription sub =
        new NatsSubscription(
            sid,
            subject,
            queue,
            q,
            handler,
            dispatcher,
            table,
            host,
            defaultPendingMessages,
            defaultPendingBytes);
    table.add(sub);
    try {
      host.sendSubscribe(sid, subject, queue);
    } catch (RuntimeException e) {
      table.remove(sub);
      throw e;
    }
    return sub;
  }

  /**
   * Routes one message (reader thread). Messages for the same queue are collected and queued with
   * one lock per batch; call {@link #flush()} before acting on any other op and after each read.
   *
   * @param msg the message
   */
  public void route(Msg msg) {
    inMessages++;
    inBytes += msg.totalSize();
    long sid = msg.sid();
    if (sid == mux.sid()) {
      mux.onReply(msg, host);
      return;
    }
    NatsSubscription sub = lookup(sid);
    if (sub == null) {
      return;
    }
    int admitted = sub.admit();
    if (admitted == NatsSubscription.REJECT) {
      dropped++;
      return;
    }
    IncomingMessage message;
    try {
      message = new IncomingMessage(msg, sub, host);
    } catch (ProtocolException malformed) {
      dropped++;
      flush(); // reported in order with what came before it
      sub.malformed();
      host.malformedMessage(sub, msg.subject(), malformed);
      if (admitted == NatsSubscription.ACCEPT_LAST) {
        sub.reachedMax();
      }
      return;
    }
    MessageQueue queue = sub.pendingQueue();
    if (queue != batchQueue) {
      flush();
      batchQueue = queue;
    }
    batch.add(message);
    if (admitted == NatsSubscription.ACCEPT_LAST) {
      flush();
      sub.reachedMax();
    }
  }

  private NatsSubscription lookup(long sid) {
    long removals = table.removals();
    if (sid == cachedSid && removals == cachedRemovals) {
      return cachedSub;
    }
    NatsSubscription sub = table.get(sid);
    cachedSid = sid;
    cachedSub = sub;
    cachedRemovals = removals;
    return sub;
  }

  /** Queues the collected batch (reader thread). */
  public void flush() {
    if (batch.isEmpty()) {
      return;
    }
    dropped += batchQueue.offerAll(batch, newlySlow);
    batch.clear();
    if (!newlySlow.isEmpty()) {
      for (NatsSubscription sub : newlySlow) {
        host.slowConsumer(sub);
      }
      newlySlow.clear();
    }
  }

  /**
   * Writes the SUBs of every routed subscription (original sids, queue groups, and {@code UNSUB sid
   * remaining} for auto-unsubscribe) plus the request mux, for a new transport after a reconnect.
   * Subscriptions closed meanwhile are not in the table and draining ones are skipped, so nothing
   * is sent for them.
   *
   * @param out the preamble buffer
   * @return how many subscriptions were written (the mux not counted)
   */
  public int resubscribe(GrowableBuffer out) {
    List<NatsSubscription> subs = table.all();
    subs.removeIf(sub -> !sub.resubscribes()); // draining: its end does not need a new server
    subs.sort(Comparator.comparingLong(NatsSubscription::sid));
    for (NatsSubscription sub : subs) {
      ProtocolWriter.sub(out, sub.subject(), sub.queue(), sub.sid());
      long remaining = sub.remainingBeforeMax();
      if (remaining > 0) {
        ProtocolWriter.unsub(out, sub.sid(), remaining);
      }
    }
    if (mux.sid() != -1) {
      ProtocolWriter.sub(out, mux.subject(), null, mux.sid());
    }
    return subs.size();
  }

  /**
   * Returns the sid of the request inbox, whose replies may be larger than {@code max_payload}.
   *
   * @return the sid, or -1 before the first request
   */
  public long requestSid() {
    return mux.sid();
  }

  /** Makes the reader's counters visible to other threads (once per read, not per message). */
  public void publishCounters() {
    counters = new long[] {inMessages, inBytes, dropped};
  }

  /**
   * Returns the inbound counters as of the last {@link #publishCounters()}.
   *
   * @return {in messages, in bytes, dropped}
   */
  public long[] counters() {
    return counters;
  }

  /**
   * Returns the table.
   *
   * @return the subscription table
   */
  public SubscriptionTable table() {
    return table;
  }
}

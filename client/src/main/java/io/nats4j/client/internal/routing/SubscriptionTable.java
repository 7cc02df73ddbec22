package io.nats4j.client.internal.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sid → subscription table the reader routes by.
 *
 * <p>Thread-safety: safe from any thread; lookups by the reader never block.
 */
public final class SubscriptionTable {
  private final ConcurrentHashMap<Long, NatsSubscription> bySid = new ConcurrentHashMap<>();
  private final AtomicLong nextSid = new AtomicLong();
  private volatile long removals;

  /**
   * Returns a new sid.
   *
   * @return the next subscription id, starting at 1
   */
  public long nextSid() {
    return nextSid.incrementAndGet();
  }

  /**
   * Adds a subscription.
   *
   * @param sub the subscription
   */
  public void add(NatsSubscription sub) {
    bySid.put(sub.sid(), sub);
  }

  /**
   * Looks up a subscription.
   *
   * @param sid the sid
   * @return the subscription, or null
   */
  public NatsSubscription get(long sid) {
    return bySid.get(sid);
  }

  /**
   * Removes a subscription.
   *
   * @param sub the subscription
   * @return true if it was in the table
   */
  public boolean remove(NatsSubscription sub) {
    boolean removed = bySid.remove(sub.sid(), sub);
    if (removed) {
      removals++; // single increments race harmlessly: any change invalidates the reader's cache
    }
    return removed;
  }

  /**
   * Returns a counter that changes whenever a subscription is removed, so the reader may cache its
   * last lookup.
   *
   * @return the removal counter
   */
  public long removals() {
    return removals;
  }

  /**
   * Returns a snapshot.
   *
   * @return the subscriptions in the table now
   */
  public List<NatsSubscription> all() {
    return new ArrayList<>(bySid.values());
  }

  /**
   * Returns the size.
   *
   * @return how many subscriptions are routed
   */
  public int size() {
    return bySid.size();
  }
}

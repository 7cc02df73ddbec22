package io.nats4j.client.internal.spi;

import io.nats4j.client.Headers;
import io.nats4j.client.MessageObserver;
import io.nats4j.client.MessageObserver.Observation;
import io.nats4j.client.ObservedDelivery;
import io.nats4j.client.ObservedPublish;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a {@link MessageObserver} so that one that throws never breaks a publish or a delivery.
 * Only reached once an observer is installed: the plain path checks for null and skips it.
 *
 * <p>Thread-safety: stateless.
 */
public final class Observations {
  private static final Logger LOG = LoggerFactory.getLogger(Observations.class);

  private Observations() {}

  /**
   * Starts observing a publish.
   *
   * @param observer the observer
   * @param publish the publish
   * @return the observation, never null
   */
  public static Observation start(MessageObserver observer, ObservedPublish publish) {
    try {
      Observation o = observer.publishing(publish);
      return o == null ? Observation.NONE : o;
    } catch (RuntimeException e) {
      LOG.warn("message observer {} threw on {}", observer, publish, e);
      return Observation.NONE;
    }
  }

  /**
   * Starts observing a delivery.
   *
   * @param observer the observer
   * @param delivery the delivery
   * @return the observation, never null
   */
  public static Observation start(MessageObserver observer, ObservedDelivery delivery) {
    try {
      Observation o = observer.delivering(delivery);
      return o == null ? Observation.NONE : o;
    } catch (RuntimeException e) {
      LOG.warn("message observer {} threw on {}", observer, delivery, e);
      return Observation.NONE;
    }
  }

  /**
   * Ends an observation.
   *
   * @param observation the observation
   * @param error the failure, or null
   */
  public static void end(Observation observation, Throwable error) {
    try {
      observation.end(error);
    } catch (RuntimeException e) {
      LOG.warn("message observation {} threw on end", observation, e);
    }
  }

  /**
   * Copies headers into new mutable ones for the observer (the caller's are never changed).
   *
   * @param headers the caller's headers, or null
   * @return mutable headers with the same entries
   */
  public static Headers mutableCopy(Headers headers) {
    Headers copy = new Headers();
    if (headers != null) {
      for (String key : headers.keys()) {
        copy.put(key, headers.get(key).toArray(String[]::new));
      }
    }
    return copy;
  }

  /**
   * Returns the connection's observer.
   *
   * @param connection any connection
   * @return its observer, or null if none is installed or the connection is not nats4j's
   */
  public static MessageObserver observer(io.nats4j.client.Connection connection) {
    return connection instanceof io.nats4j.client.internal.connection.NatsConnection nc
        ? nc.observer()
        : null;
  }
}

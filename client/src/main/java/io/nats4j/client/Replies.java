package io.nats4j.client;

import java.util.Iterator;
import java.util.Optional;

/**
 * The replies of a {@link Connection#requestMany(String, Headers, byte[], RequestManyOptions)
 * request-many}, taken one by one as they come.
 *
 * <p>Thread-safety: meant for one consuming thread at a time. {@link #hasNext()} blocks until a
 * reply comes or the gathering ends; it parks without pinning, so a virtual thread may consume.
 * {@link #close()} may be called from any thread.
 *
 * <p>Usable once in a for-each loop ({@link #iterator()} returns this object). Stopping early
 * (breaking out of the loop) should be followed by {@link #close()} (or try-with-resources), which
 * forgets the request at once instead of at its timeout.
 *
 * <pre>{@code
 * try (Replies replies = nc.requestMany("sensors.read", null, new byte[0], options)) {
 *   for (Message reply : replies) {
 *     System.out.println(reply.dataAsString());
 *   }
 *   System.out.println("ended: " + replies.end().orElseThrow());
 * }
 * }</pre>
 */
public interface Replies extends Iterator<Message>, Iterable<Message>, AutoCloseable {

  /**
   * Waits for the next reply or the end.
   *
   * @return true if {@link #next()} returns a reply, false once gathering ended normally
   * @throws NoRespondersException if nobody is subscribed to the request subject (at once)
   * @throws ConnectionClosedException if the connection closed while gathering
   * @throws DisconnectedException if the connection was lost and the options ask to fail pending
   *     requests on disconnect
   * @throws NatsException if the waiting thread was interrupted (its interrupt flag is restored)
   */
  @Override
  boolean hasNext();

  /**
   * Returns the next reply, waiting for it.
   *
   * @return the reply
   * @throws java.util.NoSuchElementException if the gathering ended
   */
  @Override
  Message next();

  /**
   * Tells why the gathering ended.
   *
   * @return the reason, or empty while gathering (or if it ended with an exception)
   */
  Optional<RequestManyEnd> end();

  /**
   * Returns this object, for a for-each loop.
   *
   * @return this
   */
  @Override
  default Iterator<Message> iterator() {
    return this;
  }

  /** Stops gathering: forgets the request; replies not yet taken are dropped. Idempotent. */
  @Override
  void close();
}

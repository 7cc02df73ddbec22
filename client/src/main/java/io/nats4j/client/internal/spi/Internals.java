package io.nats4j.client.internal.spi;

import io.nats4j.client.Connection;
import io.nats4j.client.internal.connection.NatsConnection;
import io.nats4j.client.internal.threads.ConnectionScheduler;
import io.nats4j.client.internal.threads.ThreadSource;
import java.util.concurrent.Executor;

/**
 * What the sibling modules (JetStream and those built on it) may use of a connection beyond its
 * public API. Exported only to them by {@code module-info.java}; not an API for users.
 *
 * <p>Thread-safety: every method is safe from any thread.
 */
public final class Internals {
  private Internals() {}

  /**
   * Returns the connection's scheduler, for timers (heartbeats, expiry, timeouts). Its tasks run on
   * the library-wide timer thread {@code nats4j-timer}, shared by every connection, so they must be
   * short, must not block (a blocked task delays the timers of every connection) and must not run
   * user code: complete user futures through {@link #events(Connection)}.
   *
   * @param connection a connection made by {@code Nats.connect}
   * @return its scheduler
   * @throws IllegalArgumentException for a connection nats4j did not make
   */
  public static ConnectionScheduler scheduler(Connection connection) {
    return impl(connection).scheduler();
  }

  /**
   * Returns an executor that runs tasks one at a time, in order with the connection's events, on
   * the thread where listeners run (the user's callback executor or {@code nats4j-events-<id>}).
   * The place to complete a user's future.
   *
   * @param connection a connection made by {@code Nats.connect}
   * @return the executor
   */
  public static Executor events(Connection connection) {
    return impl(connection)::runOnEventThread;
  }

  /**
   * Returns where the connection's threads come from (platform, virtual or the user's factory), so
   * that a sibling module starting a thread of its own follows the same choice.
   *
   * @param connection a connection made by {@code Nats.connect}
   * @return the thread source
   */
  public static ThreadSource threads(Connection connection) {
    return impl(connection).threads();
  }

  /**
   * Publishes like {@link Connection#publish(String, String, io.nats4j.client.Headers, byte[])} and
   * returns the message's sequence in the outbound stream (1, 2, …), to be compared with {@link
   * #lostUpTo(Connection)}.
   *
   * @param connection a connection made by {@code Nats.connect}
   * @param subject the subject
   * @param replyTo the reply subject or null
   * @param headers headers or null
   * @param data the payload
   * @return the sequence of this message
   */
  public static long publishCounted(
      Connection connection,
      String subject,
      String replyTo,
      io.nats4j.client.Headers headers,
      byte[] data) {
    return impl(connection).publishCounted(subject, replyTo, headers, data);
  }

  /**
   * Encodes headers as {@code HPUB} carries them (from {@code NATS/1.0} through the terminating
   * CRLFCRLF).
   *
   * @param headers the headers
   * @return the header block
   */
  public static byte[] encodeHeaders(io.nats4j.client.Headers headers) {
    return io.nats4j.client.internal.protocol.HeadersCodec.encode(headers);
  }

  /**
   * Publishes with a header block already encoded, when the connection has no message observer (an
   * observer may add headers, so it needs the {@code Headers} path).
   *
   * @param connection a connection
   * @param subject the subject
   * @param headerBlock the encoded header block (see {@link #encodeHeaders})
   * @param data the payload
   * @return false if nothing was sent: the caller publishes through {@code Connection.publish}
   */
  public static boolean publishEncodedIfUnobserved(
      Connection connection, String subject, byte[] headerBlock, byte[] data) {
    if (connection instanceof NatsConnection nc && nc.observer() == null) {
      nc.publishEncoded(subject, null, headerBlock, data);
      return true;
    }
    return false;
  }

  /**
   * Returns the highest sequence (see {@link #publishCounted}) handed to a transport that was lost
   * since: every message up to it was written to a dead socket (or dropped with it), and may or may
   * not have reached the server. Messages above it were buffered and go to the next server.
   *
   * @param connection a connection made by {@code Nats.connect}
   * @return the sequence, 0 before the first loss
   */
  public static long lostUpTo(Connection connection) {
    return impl(connection).lostUpTo();
  }

  /**
   * Publishes {@code data} to a subject received from the server (a message's reply subject, e.g. a
   * JetStream ack subject) without validating it again; anything else goes through {@code publish}.
   *
   * @param connection the connection the message came on
   * @param serverSubject the reply subject as received
   * @param data the payload
   */
  public static void publishToServerSubject(
      Connection connection, String serverSubject, byte[] data) {
    if (connection instanceof NatsConnection nc) {
      nc.publishToServerSubject(serverSubject, data);
    } else {
      connection.publish(serverSubject, data);
    }
  }

  /**
   * As {@link #publishToServerSubject}, for the ack (nak, term) of a JetStream message: it does not
   * wake the connection's writer while the writer lingers after a write (at most 1 ms), so the acks
   * of a batch go out together, in one write, with the next pull request or at the linger's end.
   *
   * @param connection the connection the message came on
   * @param serverSubject the reply subject as received
   * @param data the payload
   */
  public static void publishLingeringToServerSubject(
      Connection connection, String serverSubject, byte[] data) {
    if (connection instanceof NatsConnection nc) {
      nc.publishLingeringToServerSubject(serverSubject, data);
    } else {
      connection.publish(serverSubject, data);
    }
  }

  /**
   * Returns the length of a received message's header block as it came on the wire (the server
   * counts these bytes, e.g. for a pull's {@code max_bytes}), or -1 for a message not received by a
   * nats4j connection (the caller then estimates).
   *
   * @param message a message
   * @return the header bytes as received, 0 without headers, or -1 if unknown
   */
  public static int receivedHeaderBytes(io.nats4j.client.Message message) {
    if (message instanceof io.nats4j.client.internal.routing.IncomingMessage m) {
      return m.headerBytes();
    }
    return -1;
  }

  /**
   * Sends a request that the connection's message observer does not see as a request: the caller
   * observes it as what it is (a JetStream publish).
   *
   * @param connection a connection
   * @param subject the subject
   * @param headers the headers, or null
   * @param data the payload
   * @param timeout how long to wait for the reply
   * @return the reply
   */
  public static io.nats4j.client.Message requestUnobserved(
      Connection connection,
      String subject,
      io.nats4j.client.Headers headers,
      byte[] data,
      java.time.Duration timeout) {
    if (connection instanceof NatsConnection nc) {
      return nc.requestUnobserved(subject, headers, data, timeout);
    }
    return connection.request(subject, headers, data, timeout);
  }

  /**
   * Publishes a message the connection's message observer does not see: the library's own plumbing
   * (pull requests, flow-control replies), which is no user message.
   *
   * @param connection a connection
   * @param subject the subject
   * @param replyTo the reply subject, or null
   * @param data the payload
   */
  public static void publishUnobserved(
      Connection connection, String subject, String replyTo, byte[] data) {
    if (connection instanceof NatsConnection nc) {
      nc.publishCounted(subject, replyTo, null, data);
    } else {
      connection.publish(subject, replyTo, data);
    }
  }

  /**
   * Hides a subscription's handler calls from the connection's message observer, for a sibling
   * module that observes them itself (a JetStream consume, which reports its handler calls with the
   * stream and consumer, and not the heartbeats and status messages).
   *
   * @param subscription a subscription of a nats4j connection
   */
  public static void unobserved(io.nats4j.client.Subscription subscription) {
    if (subscription instanceof io.nats4j.client.internal.routing.NatsSubscription s) {
      s.unobserved();
    }
  }

  /**
   * Tells whether {@code connection} offers these internals (it was made by {@code Nats.connect}).
   *
   * @param connection any connection
   * @return true if the other methods accept it
   */
  public static boolean supports(Connection connection) {
    return connection instanceof NatsConnection;
  }

  private static NatsConnection impl(Connection connection) {
    if (connection instanceof NatsConnection nc) {
      return nc;
    }
    throw new IllegalArgumentException(
        "not a connection made by Nats.connect: " + connection.getClass().getName());
  }
}

package io.nats4j.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to a NATS server (or cluster): publish, subscribe, request/reply.
 *
 * <p>Thread-safety: every method is safe to call from any number of threads. Publishing never
 * touches the socket: the encoded message is appended to an outbound buffer that the connection's
 * writer thread sends, so {@code publish} returns as soon as the message is buffered. Messages from
 * one thread go out in the order that thread published them. See {@code docs/THREADING.md}.
 *
 * <p>Lifecycle: created connected by {@link Nats#connect}; {@link #close()} (or try-with-resources)
 * releases its socket and threads; {@link #drain(Duration)} closes gracefully.
 *
 * <pre>{@code
 * try (Connection nc = Nats.connect("nats://localhost:4222")) {
 *   Subscription sub = nc.subscribe("greet.*");
 *   nc.publish("greet.joe", "hello");
 *   System.out.println(sub.next(Duration.ofSeconds(1)).dataAsString());
 *
 *   nc.defaultDispatcher().subscribe("time", msg -> msg.respond(Instant.now().toString()));
 *   Message reply = nc.request("time", new byte[0], Duration.ofSeconds(1));
 * }
 * }</pre>
 */
public interface Connection extends AutoCloseable {

  /**
   * Publishes a message.
   *
   * @param subject the subject, no wildcards
   * @param data the payload (not copied; it is encoded before this method returns)
   * @throws IllegalArgumentException if the subject is invalid; nothing was written
   * @throws MaxPayloadException if the payload exceeds the server's {@code max_payload}
   * @throws BufferFullException if the outbound buffer stayed full for the publish block timeout
   * @throws ConnectionClosedException if the connection is closed
   */
  void publish(String subject, byte[] data);

  /**
   * Publishes a UTF-8 encoded string.
   *
   * @param subject the subject, no wildcards
   * @param data the payload
   * @throws IllegalArgumentException if the subject is invalid; nothing was written
   * @throws MaxPayloadException if the payload exceeds the server's {@code max_payload}
   * @throws ConnectionClosedException if the connection is closed
   */
  default void publish(String subject, String data) {
    publish(subject, data.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Publishes a message with a reply subject.
   *
   * @param subject the subject, no wildcards
   * @param replyTo the reply subject, or null
   * @param data the payload
   * @throws IllegalArgumentException if a subject is invalid; nothing was written
   * @throws MaxPayloadException if the payload exceeds the server's {@code max_payload}
   * @throws ConnectionClosedException if the connection is closed
   */
  void publish(String subject, String replyTo, byte[] data);

  /**
   * Publishes a message with headers and no reply subject.
   *
   * <p>Passing {@code null} for the headers in a three-argument call is ambiguous with {@link
   * #publish(String, String, byte[])}: cast it, or call {@link #publish(String, byte[])}.
   *
   * @param subject the subject, no wildcards
   * @param headers the headers, or null (then a plain PUB is sent)
   * @param data the payload
   * @throws IllegalArgumentException if the subject is invalid; nothing was written
   * @throws MaxPayloadException if headers plus payload exceed the server's {@code max_payload}
   * @throws ConnectionClosedException if the connection is closed
   */
  default void publish(String subject, Headers headers, byte[] data) {
    publish(subject, null, headers, data);
  }

  /**
   * Publishes a message with a reply subject and headers.
   *
   * @param subject the subject, no wildcards
   * @param replyTo the reply subject, or null
   * @param headers the headers, or null (then a plain PUB is sent)
   * @param data the payload
   * @throws IllegalArgumentException if a subject is invalid; nothing was written
   * @throws MaxPayloadException if headers plus payload exceed the server's {@code max_payload}
   * @throws ConnectionClosedException if the connection is closed
   */
  void publish(String subject, String replyTo, Headers headers, byte[] data);

  /**
   * Publishes a message (built with {@link Message#builder(String)} or received).
   *
   * @param message the message
   * @throws IllegalArgumentException if a subject is invalid; nothing was written
   * @throws MaxPayloadException if headers plus payload exceed the server's {@code max_payload}
   * @throws ConnectionClosedException if the connection is closed
   */
  void publish(Message message);

  /**
   * Subscribes synchronously: take messages with {@link Subscription#next(Duration)}.
   *
   * @param subject the subject; {@code *} matches one token, {@code >} the rest
   * @return the subscription, active on the server once a later {@link #flush} returns
   * @throws IllegalArgumentException if the subject is invalid
   * @throws ConnectionClosedException if the connection is closed or draining
   */
  Subscription subscribe(String subject);

  /**
   * Subscribes synchronously in a queue group: each message goes to one member of the group.
   *
   * @param subject the subject, wildcards allowed
   * @param queue the queue group
   * @return the subscription
   * @throws IllegalArgumentException if the subject or queue is invalid
   * @throws ConnectionClosedException if the connection is closed or draining
   */
  Subscription subscribe(String subject, String queue);

  /**
   * Returns the shared dispatcher, started on first use and closed with the connection.
   *
   * @return the default dispatcher
   * @throws ConnectionClosedException if the connection is closed
   */
  Dispatcher defaultDispatcher();

  /**
   * Creates a dispatcher with its own thread.
   *
   * @return a new dispatcher named {@code dispatcher-<n>}
   * @throws ConnectionClosedException if the connection is closed
   */
  Dispatcher createDispatcher();

  /**
   * Creates a named dispatcher with its own thread.
   *
   * @param name the name, used in the thread name
   * @return a new dispatcher
   * @throws ConnectionClosedException if the connection is closed
   */
  Dispatcher createDispatcher(String name);

  /**
   * Sends a request and waits for the first reply.
   *
   * @param subject the subject, no wildcards
   * @param data the payload
   * @param timeout how long to wait for the reply
   * @return the reply, never null
   * @throws NoRespondersException at once, if nobody is subscribed to the subject
   * @throws NatsTimeoutException if no reply came in time
   * @throws IllegalArgumentException if the subject is invalid
   * @throws MaxPayloadException if the payload exceeds the server's {@code max_payload}
   * @throws ConnectionClosedException if the connection is or gets closed
   */
  Message request(String subject, byte[] data, Duration timeout);

  /**
   * Sends a request with headers and waits for the first reply.
   *
   * @param subject the subject, no wildcards
   * @param headers the headers, or null
   * @param data the payload
   * @param timeout how long to wait for the reply
   * @return the reply, never null
   * @throws NoRespondersException at once, if nobody is subscribed to the subject
   * @throws NatsTimeoutException if no reply came in time
   * @throws ConnectionClosedException if the connection is or gets closed
   */
  Message request(String subject, Headers headers, byte[] data, Duration timeout);

  /**
   * Sends a message (its subject, headers and data) as a request and waits for the first reply.
   *
   * @param message the request, built with {@link Message#builder(String)} or received; it must
   *     have no reply subject (the request's own inbox is its reply subject)
   * @param timeout how long to wait for the reply
   * @return the reply, never null
   * @throws IllegalArgumentException if the message has a reply subject or an invalid subject;
   *     nothing was written
   * @throws NoRespondersException at once, if nobody is subscribed to the subject
   * @throws NatsTimeoutException if no reply came in time
   * @throws MaxPayloadException if headers plus payload exceed the server's {@code max_payload}
   * @throws ConnectionClosedException if the connection is or gets closed
   */
  default Message request(Message message, Duration timeout) {
    return request(message.subject(), requestHeaders(message), message.data(), timeout);
  }

  /**
   * Sends a message as a request; the future completes with the first reply. See {@link
   * #requestAsync(String, byte[], Duration)} for where it completes and how it fails.
   *
   * @param message the request; it must have no reply subject
   * @param timeout how long to wait for the reply
   * @return the future reply
   * @throws IllegalArgumentException if the message has a reply subject or an invalid subject
   *     (thrown, not in the future)
   * @throws MaxPayloadException if headers plus payload exceed the server's {@code max_payload}
   */
  default CompletableFuture<Message> requestAsync(Message message, Duration timeout) {
    return requestAsync(message.subject(), requestHeaders(message), message.data(), timeout);
  }

  private static Headers requestHeaders(Message message) {
    if (message.replyTo() != null) {
      throw new IllegalArgumentException(
          "a request's reply subject is its own inbox, but the message to "
              + message.subject()
              + " has the reply subject "
              + message.replyTo()
              + "; publish it instead, or build it without replyTo");
    }
    return message.hasHeaders() ? message.headers() : null;
  }

  /**
   * Sends a request; the future completes with the first reply.
   *
   * <p>The future completes on the connection's event thread (never the socket reader), so
   * dependent stages do not stall message reading. It fails with {@link NoRespondersException},
   * {@link NatsTimeoutException} or {@link ConnectionClosedException}; cancelling it forgets the
   * request.
   *
   * @param subject the subject, no wildcards
   * @param data the payload
   * @param timeout how long to wait for the reply
   * @return the future reply
   * @throws IllegalArgumentException if the subject is invalid (thrown, not in the future)
   * @throws MaxPayloadException if the payload exceeds the server's {@code max_payload}
   */
  CompletableFuture<Message> requestAsync(String subject, byte[] data, Duration timeout);

  /**
   * Sends a request with headers; the future completes with the first reply. See {@link
   * #requestAsync(String, byte[], Duration)}.
   *
   * @param subject the subject, no wildcards
   * @param headers the headers, or null
   * @param data the payload
   * @param timeout how long to wait for the reply
   * @return the future reply
   */
  CompletableFuture<Message> requestAsync(
      String subject, Headers headers, byte[] data, Duration timeout);

  /**
   * Sends a request and gathers many replies (ADR-47), to be taken one by one as they come: for
   * scatter-gather and discovery. Gathering ends at the first of the {@link RequestManyOptions}
   * conditions (maximum count, total timeout, stall, sentinel) or when the returned object is
   * closed. The request uses the connection's shared reply subscription (no subscription per call),
   * and keeps gathering across a reconnect (unless the reconnect options fail pending requests on
   * disconnect).
   *
   * @param subject the subject, no wildcards
   * @param headers the headers, or null
   * @param data the payload
   * @param options the end conditions
   * @return the replies; {@link Replies#hasNext()} throws {@link NoRespondersException} at once if
   *     nobody is subscribed
   * @throws IllegalArgumentException if the subject is invalid; nothing was written
   * @throws MaxPayloadException if headers plus payload exceed the server's {@code max_payload}
   * @throws ConnectionClosedException if the connection is closed
   * @throws UnsupportedOperationException if this implementation has no request-many (the library's
   *     own connections all have it)
   */
  default Replies requestMany(
      String subject, Headers headers, byte[] data, RequestManyOptions options) {
    throw new UnsupportedOperationException("requestMany is not implemented by " + getClass());
  }

  /**
   * Sends a request and hands each reply to {@code onReply} as it comes (ADR-47). The handler runs
   * on the connection's event thread, one reply at a time and never concurrently; it should not
   * block (the time it takes does not count against the stall interval). The future completes on
   * the same thread, after the last call of the handler, with the reason gathering ended; it fails
   * with {@link NoRespondersException} (at once, if nobody is subscribed), {@link
   * ConnectionClosedException}, {@link DisconnectedException} (only if the reconnect options fail
   * pending requests), or with what the handler threw (gathering stops then). Cancelling the future
   * stops gathering.
   *
   * @param subject the subject, no wildcards
   * @param headers the headers, or null
   * @param data the payload
   * @param options the end conditions
   * @param onReply receives each reply (not the sentinel)
   * @return completes when gathering ends
   * @throws IllegalArgumentException if the subject is invalid (thrown, not in the future)
   * @throws MaxPayloadException if headers plus payload exceed the server's {@code max_payload}
   * @throws UnsupportedOperationException if this implementation has no request-many
   */
  default CompletableFuture<RequestManyEnd> requestMany(
      String subject,
      Headers headers,
      byte[] data,
      RequestManyOptions options,
      MessageHandler onReply) {
    throw new UnsupportedOperationException("requestMany is not implemented by " + getClass());
  }

  /**
   * Sends a request and gathers many replies into a list (ADR-47); the future completes with all of
   * them (in arrival order, without the sentinel) when gathering ends, on the connection's event
   * thread. It fails as {@link #requestMany(String, Headers, byte[], RequestManyOptions,
   * MessageHandler)} does.
   *
   * @param subject the subject, no wildcards
   * @param headers the headers, or null
   * @param data the payload
   * @param options the end conditions
   * @return the future replies
   * @throws IllegalArgumentException if the subject is invalid (thrown, not in the future)
   * @throws MaxPayloadException if headers plus payload exceed the server's {@code max_payload}
   * @throws UnsupportedOperationException if this implementation has no request-many
   */
  default CompletableFuture<java.util.List<Message>> requestManyAsync(
      String subject, Headers headers, byte[] data, RequestManyOptions options) {
    java.util.List<Message> replies = new java.util.ArrayList<>();
    CompletableFuture<RequestManyEnd> end =
        requestMany(subject, headers, data, options, replies::add);
    CompletableFuture<java.util.List<Message>> result = end.thenApply(reason -> replies);
    result.whenComplete(
        (list, error) -> {
          if (result.isCancelled()) {
            end.cancel(false);
          }
        });
    return result;
  }

  /**
   * Waits until the server has processed everything published so far (a PING answered by a PONG).
   *
   * @param timeout how long to wait
   * @throws NatsTimeoutException if the PONG did not come in time
   * @throws ConnectionClosedException if the connection is or gets closed
   */
  void flush(Duration timeout);

  /**
   * Measures one round trip to the server (PING to PONG).
   *
   * @return the round-trip time
   * @throws NatsTimeoutException if the server did not answer within the connect timeout
   * @throws ConnectionClosedException if the connection is closed
   */
  Duration rtt();

  /**
   * Returns the counters.
   *
   * @return a snapshot of this connection's statistics
   */
  Statistics statistics();

  /**
   * Returns the status.
   *
   * @return where the connection is in its lifecycle
   */
  ConnectionStatus status();

  /**
   * Returns why the connection closed on its own: the server refused the credentials (for example
   * {@link CredentialsExpiredException}), every reconnect attempt failed, or reconnecting is off
   * and the session was lost. Every {@link ConnectionClosedException} thrown afterwards carries
   * this reason as its cause.
   *
   * <p>Thread-safety: safe from any thread.
   *
   * @return the reason; empty while the connection is open, and after {@link #close()} or a drain
   *     closed it on the application's request
   */
  default Optional<NatsException> closeReason() {
    return Optional.empty();
  }

  /**
   * Returns the most recent failure the connection met, whether or not it recovered: why the last
   * session was lost, the last {@code -ERR} the server reported (a denied permission is an {@link
   * AuthorizationException}), or the close reason.
   *
   * <p>Thread-safety: safe from any thread.
   *
   * @return the last error; empty if there was none
   */
  default Optional<NatsException> lastError() {
    return Optional.empty();
  }

  /**
   * Returns what the current server announced.
   *
   * @return the latest INFO of the connected server
   */
  ServerInfo serverInfo();

  /**
   * Returns the URL of the current server without credentials.
   *
   * @return the connected server's URL, or null while not connected
   */
  String connectedUrl();

  /**
   * Creates a unique subject under the connection's inbox prefix ({@code _INBOX} by default).
   *
   * @return a new inbox subject, e.g. {@code _INBOX.8FJv3l0Zq5bJ2n7xCkL4mT}
   */
  String createInbox();

  /**
   * Closes gracefully: no new subscriptions, every subscription is drained, everything published is
   * flushed, then the connection closes.
   *
   * @param timeout how long it may take
   * @return completes when closed; fails with {@link NatsTimeoutException} if draining took too
   *     long (the connection is closed anyway)
   */
  CompletableFuture<Void> drain(Duration timeout);

  /**
   * Drops the current server and reconnects, as if the connection had been lost (ADR-40 "on-demand
   * reconnect"): to refresh credentials from the supplier, or to rebalance clients. Publishes
   * already handed to the connection are written before the old socket is closed; while
   * reconnecting, new ones go to the reconnect buffer. Subscriptions are re-sent on the new
   * connection. Fires {@link ConnectionEvent.Disconnected}, then {@link
   * ConnectionEvent.Reconnected} and {@link ConnectionEvent.Resubscribed}.
   *
   * <p>Thread-safety: safe from any thread; returns once the old connection is given up, without
   * waiting for the new one. Does nothing while already reconnecting.
   *
   * @throws ConnectionClosedException if the connection is closed
   * @throws IllegalStateException if reconnecting is disabled in the options
   */
  void forceReconnect();

  /**
   * Registers a listener for the lifecycle events that happen from now on, after the listener set
   * in the options (if any) and those added before it.
   *
   * <p>Thread-safety: safe from any thread, also from inside a listener. Events are delivered on
   * the same event thread as to the listener from the options, one at a time, in the order they
   * happened. The listener gets every event that happens after this call returns and none from
   * before (not even one still waiting to be delivered). A listener that throws is logged and does
   * not keep the event from the others. Adding the same listener twice delivers each event to it
   * twice.
   *
   * @param listener the listener
   * @throws NullPointerException if {@code listener} is null
   */
  void addConnectionListener(ConnectionListener listener);

  /**
   * Unregisters a listener added with {@link #addConnectionListener} (or set in the options).
   *
   * <p>Thread-safety: safe from any thread. Events that happened before this call may still be
   * delivered to it (they were already on their way); events that happen after it are not.
   *
   * @param listener the listener
   * @return true if it was registered (one registration is removed)
   */
  boolean removeConnectionListener(ConnectionListener listener);

  /**
   * Registers a listener for asynchronous errors (slow consumers, denied permissions, {@code -ERR})
   * that happen after this call returns. While no error listener is registered, such errors are
   * logged.
   *
   * <p>Thread-safety: safe from any thread; delivered on the event thread, in order, like {@link
   * #addConnectionListener}.
   *
   * @param listener the listener
   * @throws NullPointerException if {@code listener} is null
   */
  void addErrorListener(ErrorListener listener);

  /**
   * Unregisters an error listener.
   *
   * <p>Thread-safety: safe from any thread.
   *
   * @param listener the listener
   * @return true if it was registered (one registration is removed)
   */
  boolean removeErrorListener(ErrorListener listener);

  /**
   * Closes the connection: writes what is buffered (briefly), closes the socket, stops its threads
   * and dispatchers, fails pending requests with {@link ConnectionClosedException}. Idempotent.
   */
  @Override
  void close();
}

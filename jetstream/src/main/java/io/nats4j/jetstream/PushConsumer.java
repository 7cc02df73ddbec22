package io.nats4j.jetstream;

import java.time.Duration;

/**
 * A handle on an existing push consumer (one whose configuration has a {@code deliver_subject}):
 * the server sends its messages to that subject, and this handle subscribes to it. Get one with
 * {@link JetStream#pushConsumer(String, String)}; pull consumers are read through {@link
 * JetStream#consumer(String, String)}.
 *
 * <pre>{@code
 * js.consumers().create("ORDERS", ConsumerConfig.builder()
 *     .durableName("audit").deliverSubject("audit.deliver").deliverGroup("auditors")
 *     .ackPolicy(AckPolicy.EXPLICIT).idleHeartbeat(Duration.ofSeconds(5)).flowControl(true)
 *     .build());
 * PushConsumer audit = js.pushConsumer("ORDERS", "audit");
 * try (ConsumeHandle h = audit.consume(m -> { store(m); m.ack(); })) {
 *   ...
 *   h.drain().join();
 * }
 * }</pre>
 *
 * <p>What the handle does for you: it subscribes with the consumer's deliver group as queue group
 * (so several processes share the messages), answers the server's {@code 100 FlowControl Request}
 * once the messages before it were handed to your code (so the server never runs further ahead than
 * its window), answers a heartbeat that says the consumer is stalled, and keeps every status
 * message away from your handler. With an idle heartbeat configured it reports missed heartbeats
 * ({@link ConsumeErrorListener#heartbeatsMissed(Duration)}, after two silent intervals while
 * connected) and then checks the consumer: if it or its stream was deleted, the consume ends with a
 * terminal {@link JetStreamException}. After a reconnect the subscription is renewed by the
 * connection and the server redelivers what was not acknowledged.
 *
 * <p>Thread-safety: safe from any thread. Threads: none of its own; {@link #consume} runs the
 * handler on a dispatcher (the connection's default one unless {@link
 * PushConsumeOptions#dispatcher()} names another), {@link #messages()} on the caller's thread.
 */
public interface PushConsumer {

  /**
   * Returns the stream name.
   *
   * @return the stream
   */
  String stream();

  /**
   * Returns the consumer name.
   *
   * @return the consumer
   */
  String name();

  /**
   * Asks the server for the consumer's current info.
   *
   * @return the info
   * @throws JetStreamApiException if the consumer no longer exists
   */
  ConsumerInfo info();

  /**
   * Returns the info read when this handle was made (or by the last {@link #info()}).
   *
   * @return the info
   */
  ConsumerInfo cachedInfo();

  /**
   * Delivers every message to {@code handler} until stopped, with default options.
   *
   * @param handler runs for each message on the default dispatcher's thread
   * @return the handle to stop or drain it
   * @throws JetStreamException if the consumer is bound to another subscriber already (push
   *     consumers without a deliver group take only one), or is no longer a push consumer
   */
  ConsumeHandle consume(JsMessageHandler handler);

  /**
   * Delivers every message to {@code handler} until stopped.
   *
   * @param handler runs for each message on the dispatcher's thread; an exception it throws is
   *     reported to {@link ConsumeErrorListener#handlerFailed} and the next message follows
   * @param options dispatcher and listener
   * @return the handle to stop or drain it
   * @throws JetStreamException if the consumer is bound to another subscriber already (push
   *     consumers without a deliver group take only one), or is no longer a push consumer
   */
  ConsumeHandle consume(JsMessageHandler handler, PushConsumeOptions options);

  /**
   * Returns a blocking iterator over the consumer, with default options. The caller paces it: flow
   * control is answered only as messages are taken, so the server waits for a slow reader.
   *
   * @return the iterator; close it
   * @throws JetStreamException as for {@link #consume(JsMessageHandler)}
   */
  ConsumerMessages messages();

  /**
   * Returns a blocking iterator over the consumer.
   *
   * @param options the listener ({@link PushConsumeOptions#dispatcher()} is not used)
   * @return the iterator; close it
   * @throws JetStreamException as for {@link #consume(JsMessageHandler)}
   */
  ConsumerMessages messages(PushConsumeOptions options);
}

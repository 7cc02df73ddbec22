package io.nats4j.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.nats4j.client.MessageObserver;
import io.nats4j.client.ObservedDelivery;
import io.nats4j.client.ObservedPublish;
import java.util.Objects;

/**
 * A {@link MessageObserver} that times requests and JetStream publishes (to the ack) and counts
 * JetStream deliveries, for the figures the connection statistics do not hold. Install it with
 * {@code Options.Builder.observer} (combine with tracing through {@link MessageObserver#all}).
 *
 * <p>Thread-safety: safe from any thread (Micrometer meters are).
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code nats.client.requests}</td><td>timer</td><td>{@code outcome}</td></tr>
 *   <tr><td>{@code nats.jetstream.publishes}</td><td>timer (publish to ack)</td>
 *       <td>{@code outcome}</td></tr>
 *   <tr><td>{@code nats.jetstream.consumed}</td><td>counter</td>
 *       <td>{@code stream}, {@code consumer}, {@code kind=consume|fetch}</td></tr>
 *   <tr><td>{@code nats.jetstream.handler}</td><td>timer (consume handler run time)</td>
 *       <td>{@code stream}, {@code consumer}, {@code outcome}</td></tr>
 * </table>
 */
public final class NatsMeterObserver implements MessageObserver {
  private final MeterRegistry registry;
  private final Tags tags;

  /**
   * Creates the observer.
   *
   * @param registry where the meters go
   * @param tags tags for every meter (e.g. the connection name)
   */
  public NatsMeterObserver(
      MeterRegistry registry, Iterable<io.micrometer.core.instrument.Tag> tags) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.tags = tags == null ? Tags.empty() : Tags.of(tags);
  }

  @Override
  public Observation publishing(ObservedPublish p) {
    if (p.kind() == ObservedPublish.Kind.PUBLISH) {
      return Observation.NONE; // counted by the connection statistics
    }
    String name =
        p.kind() == ObservedPublish.Kind.REQUEST
            ? "nats.client.requests"
            : "nats.jetstream.publishes";
    long start = System.nanoTime();
    return error ->
        Timer.builder(name)
            .tags(tags)
            .tag("outcome", outcome(error))
            .register(registry)
            .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  @Override
  public Observation delivering(ObservedDelivery d) {
    if (d.kind() == ObservedDelivery.Kind.HANDLER) {
      return Observation.NONE; // counted by the connection statistics
    }
    Tags t = tags.and("stream", d.stream(), "consumer", d.consumer());
    boolean fetch = d.kind() == ObservedDelivery.Kind.JETSTREAM_FETCH;
    Counter.builder("nats.jetstream.consumed")
        .tags(t)
        .tag("kind", fetch ? "fetch" : "consume")
        .register(registry)
        .increment(d.messages().size());
    if (fetch) {
      return Observation.NONE;
    }
    long start = System.nanoTime();
    return error ->
        Timer.builder("nats.jetstream.handler")
            .tags(t)
            .tag("outcome", outcome(error))
            .register(registry)
            .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  private static String outcome(Throwable error) {
    return error == null ? "success" : error.getClass().getSimpleName();
  }
}

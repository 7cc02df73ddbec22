package io.nats4j.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.nats4j.client.AsyncError;
import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionStatus;
import io.nats4j.client.ErrorListener;
import io.nats4j.client.Statistics;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

/**
 * A Micrometer {@link MeterBinder} for one connection: its statistics, status, reconnects and
 * slow-consumer drops, tagged {@code connection} (the name given here) and {@code server} (the
 * server connected to when bound) plus any extra tags.
 *
 * <p>Thread-safety: safe to bind from any thread; the meters read the connection's statistics,
 * which is safe from any thread. {@link #close()} removes the meters and the error listener.
 *
 * <pre>{@code
 * NatsConnectionMetrics metrics = new NatsConnectionMetrics(nc, "orders-service", Tags.empty());
 * metrics.bindTo(registry);
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>what</th></tr>
 *   <tr><td>{@code nats.client.messages}</td><td>function counter, {@code direction=in|out}</td>
 *       <td>messages received and sent</td></tr>
 *   <tr><td>{@code nats.client.bytes}</td><td>function counter, {@code direction=in|out}</td>
 *       <td>payload bytes received and sent</td></tr>
 *   <tr><td>{@code nats.client.reconnects}</td><td>function counter</td><td>reconnects</td></tr>
 *   <tr><td>{@code nats.client.dropped.messages}</td><td>function counter</td>
 *       <td>messages dropped by slow consumers</td></tr>
 *   <tr><td>{@code nats.client.slow.consumers}</td><td>counter</td>
 *       <td>slow-consumer events reported</td></tr>
 *   <tr><td>{@code nats.client.connected}</td><td>gauge</td><td>1 while connected, else 0</td></tr>
 * </table>
 */
public final class NatsConnectionMetrics implements MeterBinder, AutoCloseable {
  private final Connection connection;
  private final Tags tags;
  private final List<Meter> meters = new CopyOnWriteArrayList<>();
  private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
  private final List<ErrorListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * Creates the binder.
   *
   * @param connection the connection
   * @param connectionName its name, as the {@code connection} tag
   * @param extraTags more tags for every meter
   */
  public NatsConnectionMetrics(
      Connection connection, String connectionName, Iterable<Tag> extraTags) {
    this.connection = Objects.requireNonNull(connection, "connection");
    String url = connection.connectedUrl();
    this.tags =
        Tags.of(
                Tag.of("connection", connectionName == null ? "" : connectionName),
                Tag.of("server", url == null ? "" : url))
            .and(extraTags == null ? Tags.empty() : extraTags);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    registries.add(registry);
    directions(
        registry,
        "nats.client.messages",
        "messages",
        Statistics::inMessages,
        Statistics::outMessages);
    directions(registry, "nats.client.bytes", "bytes", Statistics::inBytes, Statistics::outBytes);
    counter(registry, "nats.client.reconnects", "reconnects", s -> s.reconnects(), tags);
    counter(registry, "nats.client.dropped.messages", "messages", s -> s.droppedMessages(), tags);
    Counter slow =
        Counter.builder("nats.client.slow.consumers")
            .description("Slow-consumer events: a subscription's pending limit was reached")
            .tags(tags)
            .register(registry);
    meters.add(slow);
    ErrorListener listener =
        error -> {
          if (error instanceof AsyncError.SlowConsumer) {
            slow.increment();
          }
        };
    listeners.add(listener);
    connection.addErrorListener(listener);
    meters.add(
        Gauge.builder(
                "nats.client.connected",
                connection,
                c -> c.status() == ConnectionStatus.CONNECTED ? 1 : 0)
            .description("1 while the connection is connected, else 0")
            .tags(tags)
            .register(registry));
  }

  private void directions(
      MeterRegistry registry,
      String name,
      String unit,
      ToDoubleFunction<Statistics> in,
      ToDoubleFunction<Statistics> out) {
    counter(registry, name, unit, in, tags.and("direction", "in"));
    counter(registry, name, unit, out, tags.and("direction", "out"));
  }

  private void counter(
      MeterRegistry registry, String name, String unit, ToDoubleFunction<Statistics> f, Tags t) {
    meters.add(
        FunctionCounter.builder(name, connection, c -> f.applyAsDouble(c.statistics()))
            .baseUnit(unit)
            .tags(t)
            .register(registry));
  }

  /** Removes the meters from the registries bound to and stops listening to the connection. */
  @Override
  public void close() {
    listeners.forEach(connection::removeErrorListener);
    listeners.clear();
    for (MeterRegistry r : registries) {
      meters.forEach(r::remove);
    }
    meters.clear();
    registries.clear();
  }
}

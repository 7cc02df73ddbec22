package io.nats4j.service;

import io.nats4j.client.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A running NATS service (ADR-32): endpoints that answer requests, plus discovery responders on
 * {@code $SRV.PING|INFO|STATS}, {@code $SRV.<verb>.<name>} and {@code $SRV.<verb>.<name>.<id>} that
 * the {@code nats micro} CLI and every official client's discovery understand.
 *
 * <p>Thread-safety: every method is safe from any thread. Handlers run on the service's own
 * endpoint dispatcher thread, one request at a time, unless the builder sets an {@link
 * ServiceBuilder#executor executor}; discovery requests are answered on a second dispatcher thread,
 * so a busy handler does not hide the service from discovery.
 *
 * <p>Lifecycle: {@link ServiceBuilder#start()} subscribes everything; {@link #stop(Duration)}
 * drains the endpoints (in-flight requests finish), then the discovery responders. Closing the
 * connection stops the service too. Several services may share one connection.
 *
 * <pre>{@code
 * Service service = Service.builder(nc)
 *     .name("echo").version("1.0.0")
 *     .addEndpoint(Endpoint.builder("echo").handler(r -> r.respond(r.data())).build())
 *     .start();
 * ...
 * service.stop(Duration.ofSeconds(5)).join();
 * }</pre>
 */
public interface Service {
  /** The header with an error reply's description. */
  String ERROR_HEADER = "Nats-Service-Error";

  /** The header with an error reply's code (a number). */
  String ERROR_CODE_HEADER = "Nats-Service-Error-Code";

  /** The queue group endpoints use unless told otherwise. */
  String DEFAULT_QUEUE_GROUP = "q";

  /** The prefix of the discovery subjects. */
  String API_PREFIX = "$SRV";

  /**
   * Starts building a service on a connection.
   *
   * @param connection the connection (shared; the service does not close it)
   * @return the builder
   */
  static ServiceBuilder builder(Connection connection) {
    return new ServiceBuilder(connection);
  }

  /**
   * Returns this instance's unique id.
   *
   * @return the id
   */
  String id();

  /**
   * Returns the service name.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the version.
   *
   * @return the version
   */
  String version();

  /**
   * Adds an endpoint to the running service; discovery reports it at once.
   *
   * @param endpoint the endpoint
   * @throws IllegalStateException if the service is stopping or stopped
   */
  void addEndpoint(Endpoint endpoint);

  /**
   * Adds an endpoint in a group to the running service.
   *
   * @param group the group (subject prefix, queue group)
   * @param endpoint the endpoint
   * @throws IllegalStateException if the service is stopping or stopped
   */
  void addEndpoint(Group group, Endpoint endpoint);

  /**
   * Returns what {@code $SRV.PING} answers.
   *
   * @return the ping response
   */
  PingResponse ping();

  /**
   * Returns what {@code $SRV.INFO} answers.
   *
   * @return the info
   */
  ServiceInfo info();

  /**
   * Returns what {@code $SRV.STATS} answers.
   *
   * @return a snapshot of the stats
   */
  ServiceStats stats();

  /** Resets every endpoint's counters. */
  void reset();

  /**
   * Stops: drains the endpoints (requests already received are handled), then the discovery
   * responders. Idempotent: a second call returns the same future.
   *
   * @param timeout how long draining may take
   * @return completes when stopped and every handler has returned; fails with {@link
   *     io.nats4j.client.NatsTimeoutException} if draining took longer (the service is stopped
   *     anyway)
   */
  CompletableFuture<Void> stop(Duration timeout);

  /**
   * Returns a future that completes when the service has stopped, by {@link #stop} or because its
   * connection closed.
   *
   * @return the stop future
   */
  CompletableFuture<Void> whenStopped();

  /**
   * Tells whether the service is stopping or stopped.
   *
   * @return true once {@link #stop} was called or the connection closed
   */
  boolean isStopped();
}

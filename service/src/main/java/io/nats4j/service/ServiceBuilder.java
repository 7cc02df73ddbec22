package io.nats4j.service;

import io.nats4j.client.Connection;
import io.nats4j.service.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Configures and starts a {@link Service}. Everything is validated when {@link #start()} is called,
 * before anything is subscribed, with a message naming the field and the rule.
 *
 * <p>Thread-safety: not thread-safe; build on one thread.
 */
public final class ServiceBuilder {
  private final Connection connection;
  private String name;
  private String version;
  private String description = "";
  private Map<String, String> metadata = Map.of();
  private QueueGroupChoice queue = QueueGroupChoice.INHERIT;
  private Executor executor;
  private Function<EndpointInfo, ?> statsData;
  private String apiPrefix = Service.API_PREFIX;
  private final List<GroupedEndpoint> endpoints = new ArrayList<>();

  private record GroupedEndpoint(Group group, Endpoint endpoint) {}

  ServiceBuilder(Connection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /**
   * Sets the name (required): the kind of service, shared by its instances.
   *
   * @param name A-Z, a-z, 0-9, '-' and '_'
   * @return this builder
   */
  public ServiceBuilder name(String name) {
    this.name = name;
    return this;
  }

  /**
   * Sets the version (required).
   *
   * @param version a SemVer 2.0 version, e.g. {@code 1.0.0}
   * @return this builder
   */
  public ServiceBuilder version(String version) {
    this.version = version;
    return this;
  }

  /**
   * Sets the description.
   *
   * @param description free text
   * @return this builder
   */
  public ServiceBuilder description(String description) {
    this.description = description == null ? "" : description;
    return this;
  }

  /**
   * Sets the service metadata (copied; immutable once started).
   *
   * @param metadata string keys and values
   * @return this builder
   */
  public ServiceBuilder metadata(Map<String, String> metadata) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    return this;
  }

  /**
   * Sets the queue group of the endpoints that do not set their own ({@code q} by default).
   *
   * @param queueGroup the queue group
   * @return this builder
   */
  public ServiceBuilder queueGroup(String queueGroup) {
    this.queue = QueueGroupChoice.of(Objects.requireNonNull(queueGroup, "queueGroup"));
    return this;
  }

  /**
   * Makes endpoints subscribe without a queue group unless they (or their group) set one.
   *
   * @return this builder
   */
  public ServiceBuilder noQueueGroup() {
    this.queue = QueueGroupChoice.NONE;
    return this;
  }

  /**
   * Runs handlers on {@code executor} instead of the service's dispatcher thread, so requests are
   * handled concurrently (e.g. {@code Executors.newVirtualThreadPerTaskExecutor()}, or a fixed pool
   * to bound concurrency). The service does not shut the executor down. Without an executor (the
   * default), handlers run one at a time on the service's dispatcher thread, in arrival order.
   *
   * @param executor the executor, or null for the dispatcher thread
   * @return this builder
   */
  public ServiceBuilder executor(Executor executor) {
    this.executor = executor;
    return this;
  }

  /**
   * Sets the function whose result becomes each endpoint's {@code data} in {@code STATS} (the
   * ADR-32 stats handler). It returns maps (string keys), lists, strings, numbers, booleans or
   * null; it runs on the discovery dispatcher thread (or the caller of {@link Service#stats()}).
   *
   * @param data called with each endpoint's info
   * @return this builder
   */
  public ServiceBuilder statsData(Function<EndpointInfo, ?> data) {
    this.statsData = data;
    return this;
  }

  /**
   * Sets the prefix of the discovery subjects ({@code $SRV} by default), e.g. to reach services
   * across accounts through an import (ADR-32). Discovery must use the same prefix ({@link
   * Discovery#withApiPrefix}).
   *
   * @param prefix a subject prefix without wildcards; its case is kept
   * @return this builder
   */
  public ServiceBuilder apiPrefix(String prefix) {
    this.apiPrefix = Objects.requireNonNull(prefix, "apiPrefix");
    return this;
  }

  /**
   * Adds an endpoint.
   *
   * @param endpoint the endpoint
   * @return this builder
   */
  public ServiceBuilder addEndpoint(Endpoint endpoint) {
    endpoints.add(new GroupedEndpoint(null, Objects.requireNonNull(endpoint, "endpoint")));
    return this;
  }

  /**
   * Adds an endpoint in a group.
   *
   * @param group the group
   * @param endpoint the endpoint
   * @return this builder
   */
  public ServiceBuilder addEndpoint(Group group, Endpoint endpoint) {
    endpoints.add(
        new GroupedEndpoint(
            Objects.requireNonNull(group, "group"), Objects.requireNonNull(endpoint, "endpoint")));
    return this;
  }

  /**
   * Validates, subscribes the endpoints and the discovery responders, and returns the running
   * service.
   *
   * @return the service
   * @throws IllegalArgumentException if the name, version, metadata or queue group is invalid
   * @throws io.nats4j.client.ConnectionClosedException if the connection is closed
   */
  public Service start() {
    Names.name("service name", name);
    Names.version(version);
    if (queue.name() != null) {
      Names.queueGroup("service " + name, queue.name());
    }
    Names.apiPrefix(apiPrefix);
    Map<String, String> meta = Map.copyOf(metadata);
    NatsService service =
        new NatsService(
            connection, name, version, description, meta, queue, executor, statsData, apiPrefix);
    try {
      for (GroupedEndpoint entry : endpoints) {
        service.addEndpoint(entry.group(), entry.endpoint());
      }
      service.startDiscovery();
    } catch (RuntimeException e) {
      service.abort();
      throw e;
    }
    return service;
  }
}

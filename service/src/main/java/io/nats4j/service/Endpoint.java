package io.nats4j.service;

import io.nats4j.service.internal.Names;
import java.util.Map;
import java.util.Objects;

/**
 * An endpoint's configuration: name, subject (the name by default), queue group (inherited from the
 * group or service, {@code q} by default, or none), metadata, and handler. Validated by {@link
 * Builder#build()}.
 *
 * <p>Thread-safety: immutable.
 *
 * <pre>{@code
 * Endpoint add = Endpoint.builder("add")
 *     .subject("math.add")
 *     .metadata(Map.of("unit", "integers"))
 *     .handler(request -> request.respond(sum(request.data())))
 *     .build();
 * }</pre>
 */
public final class Endpoint {
  private final String name;
  private final String subject;
  private final QueueGroupChoice queue;
  private final Map<String, String> metadata;
  private final ServiceHandler handler;

  private Endpoint(Builder b) {
    this.name = b.name;
    this.subject = b.subject == null ? b.name : b.subject;
    this.queue = b.queue;
    this.metadata = Map.copyOf(b.metadata);
    this.handler = b.handler;
  }

  /**
   * Starts a builder.
   *
   * @param name the endpoint name: A-Z, a-z, 0-9, '-' and '_'
   * @return the builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Returns the name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the subject, without any group prefix.
   *
   * @return the subject
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns the metadata.
   *
   * @return an immutable map, empty if none
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Returns the handler.
   *
   * @return the handler
   */
  public ServiceHandler handler() {
    return handler;
  }

  QueueGroupChoice queueChoice() {
    return queue;
  }

  @Override
  public String toString() {
    return "Endpoint{" + name + " on " + subject + ", queue=" + queue + "}";
  }

  /** Builds an {@link Endpoint}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private String subject;
    private QueueGroupChoice queue = QueueGroupChoice.INHERIT;
    private Map<String, String> metadata = Map.of();
    private ServiceHandler handler;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the subject (the name by default); a group adds its prefix.
     *
     * @param subject dot-separated tokens; {@code *} and a final {@code >} allowed
     * @return this builder
     */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /**
     * Sets the queue group, overriding the group's and the service's.
     *
     * @param queueGroup the queue group
     * @return this builder
     */
    public Builder queueGroup(String queueGroup) {
      this.queue = QueueGroupChoice.of(Objects.requireNonNull(queueGroup, "queueGroup"));
      return this;
    }

    /**
     * Subscribes without a queue group: every instance of the service gets every request.
     *
     * @return this builder
     */
    public Builder noQueueGroup() {
      this.queue = QueueGroupChoice.NONE;
      return this;
    }

    /**
     * Sets the endpoint metadata (copied; immutable once built).
     *
     * @param metadata string keys and values
     * @return this builder
     */
    public Builder metadata(Map<String, String> metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /**
     * Sets the handler (required).
     *
     * @param handler the handler
     * @return this builder
     */
    public Builder handler(ServiceHandler handler) {
      this.handler = handler;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the endpoint
     * @throws IllegalArgumentException if the name, subject or queue group is invalid, or the
     *     handler is missing
     */
    public Endpoint build() {
      Names.name("endpoint name", name);
      if (subject != null) {
        Names.subject("subject of endpoint " + name, subject);
      }
      if (queue.name() != null) {
        Names.queueGroup("endpoint " + name, queue.name());
      }
      if (handler == null) {
        throw new IllegalArgumentException("endpoint " + name + " needs a handler");
      }
      return new Endpoint(this);
    }
  }
}

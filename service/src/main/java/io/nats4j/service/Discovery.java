package io.nats4j.service;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.RequestManyOptions;
import io.nats4j.service.internal.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds services and reads their info and stats, as {@code nats micro} does: a request to {@code
 * $SRV.<verb>[.<name>[.<id>]]} gathering every instance's answer with request-many (ADR-47).
 *
 * <p>Gathering ends after {@code timeout}, or earlier when no further answer came within the stall
 * interval after the first one ({@code timeout / 10}, at least 50 ms), or when {@code maxResults}
 * answers came. A lookup by id ends with the first answer. Answers that do not parse are skipped
 * (and logged at debug); no responders gives an empty list.
 *
 * <p>Thread-safety: immutable; every method is safe from any thread and blocks the caller (a
 * virtual thread is fine).
 *
 * <pre>{@code
 * Discovery discovery = new Discovery(nc);
 * for (ServiceInfo info : discovery.info("echo")) {
 *   System.out.println(info.id() + " " + info.endpoints());
 * }
 * }</pre>
 */
public final class Discovery {
  private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private final Connection connection;
  private final Duration timeout;
  private final int maxResults;
  private final String apiPrefix;

  /**
   * Creates a discovery client waiting up to 2 seconds, with no limit on the number of answers.
   *
   * @param connection the connection
   */
  public Discovery(Connection connection) {
    this(connection, DEFAULT_TIMEOUT, 0);
  }

  /**
   * Creates a discovery client.
   *
   * @param connection the connection
   * @param timeout the longest a lookup waits
   * @param maxResults stop after this many answers, or 0 for no limit
   */
  public Discovery(Connection connection, Duration timeout, int maxResults) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (maxResults < 0) {
      throw new IllegalArgumentException("maxResults must be 0 or more, got " + maxResults);
    }
    this.maxResults = maxResults;
    this.apiPrefix = Service.API_PREFIX;
  }

  private Discovery(Discovery base, String apiPrefix) {
    this.connection = base.connection;
    this.timeout = base.timeout;
    this.maxResults = base.maxResults;
    this.apiPrefix = apiPrefix;
  }

  /**
   * Returns a discovery client using another prefix than {@code $SRV} (see {@link
   * ServiceBuilder#apiPrefix}).
   *
   * @param prefix a subject prefix without wildcards
   * @return a discovery client with that prefix
   * @throws IllegalArgumentException if the prefix is invalid
   */
  public Discovery withApiPrefix(String prefix) {
    return new Discovery(this, io.nats4j.service.internal.Names.apiPrefix(prefix));
  }

  /**
   * Pings every service instance.
   *
   * @return one answer per instance
   */
  public List<PingResponse> ping() {
    return gather("PING", null, null, PingResponse::fromJson);
  }

  /**
   * Pings every instance of a service.
   *
   * @param serviceName the service name
   * @return one answer per instance
   */
  public List<PingResponse> ping(String serviceName) {
    return gather("PING", serviceName, null, PingResponse::fromJson);
  }

  /**
   * Pings one instance.
   *
   * @param serviceName the service name
   * @param id the instance id
   * @return its answer, if it answered
   */
  public Optional<PingResponse> ping(String serviceName, String id) {
    return first(gather("PING", serviceName, id, PingResponse::fromJson));
  }

  /**
   * Reads the info of every service instance.
   *
   * @return one answer per instance
   */
  public List<ServiceInfo> info() {
    return gather("INFO", null, null, ServiceInfo::fromJson);
  }

  /**
   * Reads the info of every instance of a service.
   *
   * @param serviceName the service name
   * @return one answer per instance
   */
  public List<ServiceInfo> info(String serviceName) {
    return gather("INFO", serviceName, null, ServiceInfo::fromJson);
  }

  /**
   * Reads one instance's info.
   *
   * @param serviceName the service name
   * @param id the instance id
   * @return its answer, if it answered
   */
  public Optional<ServiceInfo> info(String serviceName, String id) {
    return first(gather("INFO", serviceName, id, ServiceInfo::fromJson));
  }

  /**
   * Reads the stats of every service instance.
   *
   * @return one answer per instance
   */
  public List<ServiceStats> stats() {
    return gather("STATS", null, null, ServiceStats::fromJson);
  }

  /**
   * Reads the stats of every instance of a service.
   *
   * @param serviceName the service name
   * @return one answer per instance
   */
  public List<ServiceStats> stats(String serviceName) {
    return gather("STATS", serviceName, null, ServiceStats::fromJson);
  }

  /**
   * Reads one instance's stats.
   *
   * @param serviceName the service name
   * @param id the instance id
   * @return its answer, if it answered
   */
  public Optional<ServiceStats> stats(String serviceName, String id) {
    return first(gather("STATS", serviceName, id, ServiceStats::fromJson));
  }

  private <T> List<T> gather(
      String verb, String serviceName, String id, Function<Map<String, Object>, T> reader) {
    String subject = apiPrefix + "." + verb;
    if (serviceName != null) {
      subject += "." + io.nats4j.service.internal.Names.name("service name", serviceName);
    }
    if (id != null) {
      subject += "." + Objects.requireNonNull(id, "id");
    }
    Duration stall = timeout.dividedBy(10);
    RequestManyOptions.Builder options =
        RequestManyOptions.builder()
            .totalTimeout(timeout)
            .stall(stall.toMillis() < 50 ? Duration.ofMillis(50) : stall)
            .maxMessages(id != null ? 1 : maxResults);
    List<T> results = new ArrayList<>();
    try (var replies = connection.requestMany(subject, null, new byte[0], options.build())) {
      while (replies.hasNext()) {
        Message reply = replies.next();
        try {
          if (Json.parse(reply.dataAsString()) instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) map;
            results.add(reader.apply(json));
          }
        } catch (IllegalArgumentException malformed) {
          LOG.debug("skipping a {} answer that is not JSON: {}", verb, malformed.getMessage());
        }
      }
    } catch (io.nats4j.client.NoRespondersException none) {
      return List.of();
    }
    return results;
  }

  private static <T> Optional<T> first(List<T> results) {
    return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
  }
}

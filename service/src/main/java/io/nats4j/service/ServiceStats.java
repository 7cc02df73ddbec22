package io.nats4j.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A service's answer to {@code $SRV.STATS} ({@code io.nats.micro.v1.stats_response}): identity,
 * start time and every endpoint's counters.
 *
 * <p>Thread-safety: immutable (a snapshot). Obtained from {@link Service#stats()} or {@link
 * Discovery}.
 */
public final class ServiceStats implements ServiceIdentity {
  /** The ADR-32 type of this response. */
  public static final String TYPE = "io.nats.micro.v1.stats_response";

  private final PingResponse identity;
  private final Instant started;
  private final List<EndpointStats> endpoints;

  ServiceStats(PingResponse identity, Instant started, List<EndpointStats> endpoints) {
    this.identity = identity;
    this.started = started;
    this.endpoints = List.copyOf(endpoints);
  }

  static ServiceStats fromJson(Map<String, Object> json) {
    Instant started;
    try {
      started = Instant.parse(Wire.string(json, "started"));
    } catch (DateTimeParseException e) {
      started = Instant.EPOCH;
    }
    return new ServiceStats(
        PingResponse.fromJson(json),
        started,
        Wire.objects(json, "endpoints").stream().map(EndpointStats::fromJson).toList());
  }

  Map<String, Object> toJson() {
    Map<String, Object> out = Wire.identity(TYPE, this);
    out.put("endpoints", endpoints.stream().map(EndpointStats::toJson).toList());
    out.put("started", started.toString());
    return out;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String name() {
    return identity.name();
  }

  @Override
  public String id() {
    return identity.id();
  }

  @Override
  public String version() {
    return identity.version();
  }

  @Override
  public Map<String, String> metadata() {
    return identity.metadata();
  }

  /**
   * Returns when the service started (UTC).
   *
   * @return the start time
   */
  public Instant started() {
    return started;
  }

  /**
   * Returns the endpoints' counters.
   *
   * @return one entry per endpoint, in the order they were added
   */
  public List<EndpointStats> endpoints() {
    return endpoints;
  }

  /**
   * Returns one endpoint's counters.
   *
   * @param name the endpoint name
   * @return the first endpoint with that name
   * @throws IllegalArgumentException if there is none
   */
  public EndpointStats endpoint(String name) {
    return endpoints.stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no endpoint named " + name));
  }

  @Override
  public String toString() {
    return "ServiceStats{" + name() + " id=" + id() + ", " + endpoints + "}";
  }
}

package io.nats4j.service;

import java.util.List;
import java.util.Map;

/**
 * A service's answer to {@code $SRV.INFO} ({@code io.nats.micro.v1.info_response}): identity,
 * description and every endpoint, including those added after start.
 *
 * <p>Thread-safety: immutable. Obtained from {@link Service#info()} or {@link Discovery}.
 */
public final class ServiceInfo implements ServiceIdentity {
  /** The ADR-32 type of this response. */
  public static final String TYPE = "io.nats.micro.v1.info_response";

  private final PingResponse identity;
  private final String description;
  private final List<EndpointInfo> endpoints;

  ServiceInfo(PingResponse identity, String description, List<EndpointInfo> endpoints) {
    this.identity = identity;
    this.description = description;
    this.endpoints = List.copyOf(endpoints);
  }

  static ServiceInfo fromJson(Map<String, Object> json) {
    return new ServiceInfo(
        PingResponse.fromJson(json),
        Wire.string(json, "description"),
        Wire.objects(json, "endpoints").stream().map(EndpointInfo::fromJson).toList());
  }

  Map<String, Object> toJson() {
    Map<String, Object> out = Wire.identity(TYPE, this);
    out.put("description", description);
    out.put("endpoints", endpoints.stream().map(EndpointInfo::toJson).toList());
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
   * Returns the description.
   *
   * @return the description, empty if none
   */
  public String description() {
    return description;
  }

  /**
   * Returns the endpoints.
   *
   * @return the endpoints, in the order they were added
   */
  public List<EndpointInfo> endpoints() {
    return endpoints;
  }

  @Override
  public String toString() {
    return "ServiceInfo{" + name() + " " + version() + " id=" + id() + ", " + endpoints + "}";
  }
}

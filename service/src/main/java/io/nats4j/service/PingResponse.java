package io.nats4j.service;

import java.util.Map;

/**
 * A service's answer to {@code $SRV.PING} ({@code io.nats.micro.v1.ping_response}).
 *
 * <p>Thread-safety: immutable. Obtained from {@link Service#ping()} or {@link Discovery}.
 */
public final class PingResponse implements ServiceIdentity {
  /** The ADR-32 type of this response. */
  public static final String TYPE = "io.nats.micro.v1.ping_response";

  private final String name;
  private final String id;
  private final String version;
  private final Map<String, String> metadata;

  PingResponse(String name, String id, String version, Map<String, String> metadata) {
    this.name = name;
    this.id = id;
    this.version = version;
    this.metadata = metadata;
  }

  static PingResponse fromJson(Map<String, Object> json) {
    return new PingResponse(
        Wire.string(json, "name"),
        Wire.string(json, "id"),
        Wire.string(json, "version"),
        Wire.metadata(json));
  }

  Map<String, Object> toJson() {
    return Wire.identity(TYPE, this);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Map<String, String> metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return "PingResponse{" + name + " " + version + " id=" + id + "}";
  }
}

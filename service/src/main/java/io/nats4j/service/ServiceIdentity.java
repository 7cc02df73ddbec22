package io.nats4j.service;

import java.util.Map;

/**
 * The fields every discovery response carries (ADR-32 "Standard Field"): name, instance id, version
 * and metadata.
 *
 * <p>Thread-safety: implementations are immutable.
 */
public interface ServiceIdentity {
  /**
   * Returns the response type, e.g. {@code io.nats.micro.v1.ping_response}.
   *
   * @return the type
   */
  String type();

  /**
   * Returns the service name (its kind, shared by all instances).
   *
   * @return the name
   */
  String name();

  /**
   * Returns the instance id.
   *
   * @return the id
   */
  String id();

  /**
   * Returns the version.
   *
   * @return the SemVer version
   */
  String version();

  /**
   * Returns the service metadata.
   *
   * @return an immutable map, empty if none
   */
  Map<String, String> metadata();
}

package io.nats4j.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code INFO} says about one endpoint: name, the subject and queue group it actually uses,
 * and its metadata.
 *
 * <p>Thread-safety: immutable.
 */
public final class EndpointInfo {
  private final String name;
  private final String subject;
  private final String queueGroup;
  private final Map<String, String> metadata;

  EndpointInfo(String name, String subject, String queueGroup, Map<String, String> metadata) {
    this.name = name;
    this.subject = subject;
    this.queueGroup = queueGroup;
    this.metadata = metadata;
  }

  static EndpointInfo fromJson(Map<String, Object> json) {
    Object queue = json.get("queue_group");
    return new EndpointInfo(
        Wire.string(json, "name"),
        Wire.string(json, "subject"),
        queue == null || queue.toString().isEmpty() ? null : queue.toString(),
        Wire.metadata(json));
  }

  Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("subject", subject);
    if (queueGroup != null) {
      out.put("queue_group", queueGroup);
    }
    out.put("metadata", metadata);
    return out;
  }

  /**
   * Returns the name.
   *
   * @return the endpoint name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the subject, with its group prefix.
   *
   * @return the subject the endpoint listens on
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns the queue group.
   *
   * @return the queue group, empty if the endpoint subscribes without one
   */
  public Optional<String> queueGroup() {
    return Optional.ofNullable(queueGroup);
  }

  /**
   * Returns the metadata.
   *
   * @return an immutable map, empty if none
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return "EndpointInfo{" + name + " on " + subject + ", queue=" + queueGroup + "}";
  }
}

package io.nats4j.service;

import io.nats4j.service.internal.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One endpoint's counters, as {@code STATS} reports them: requests, errors, the last error,
 * processing time (total and average, nanoseconds), and custom data.
 *
 * <p>Thread-safety: immutable (a snapshot).
 */
public final class EndpointStats {
  private final String name;
  private final String subject;
  private final String queueGroup;
  private final long numRequests;
  private final long numErrors;
  private final String lastError;
  private final long processingTimeNanos;
  private final long averageProcessingTimeNanos;
  private final Object data;

  EndpointStats(
      String name,
      String subject,
      String queueGroup,
      long numRequests,
      long numErrors,
      String lastError,
      long processingTimeNanos,
      Object data) {
    this(
        name,
        subject,
        queueGroup,
        numRequests,
        numErrors,
        lastError,
        processingTimeNanos,
        numRequests == 0 ? 0 : processingTimeNanos / numRequests,
        data);
  }

  private EndpointStats(
      String name,
      String subject,
      String queueGroup,
      long numRequests,
      long numErrors,
      String lastError,
      long processingTimeNanos,
      long averageProcessingTimeNanos,
      Object data) {
    this.name = name;
    this.subject = subject;
    this.queueGroup = queueGroup;
    this.numRequests = numRequests;
    this.numErrors = numErrors;
    this.lastError = lastError;
    this.processingTimeNanos = processingTimeNanos;
    this.averageProcessingTimeNanos = averageProcessingTimeNanos;
    this.data = data;
  }

  static EndpointStats fromJson(Map<String, Object> json) {
    Object queue = json.get("queue_group");
    return new EndpointStats(
        Wire.string(json, "name"),
        Wire.string(json, "subject"),
        queue == null || queue.toString().isEmpty() ? null : queue.toString(),
        Wire.number(json, "num_requests"),
        Wire.number(json, "num_errors"),
        Wire.string(json, "last_error"),
        Wire.number(json, "processing_time"),
        Wire.number(json, "average_processing_time"),
        json.get("data"));
  }

  Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("subject", subject);
    if (queueGroup != null) {
      out.put("queue_group", queueGroup);
    }
    out.put("num_requests", numRequests);
    out.put("num_errors", numErrors);
    out.put("last_error", lastError);
    out.put("processing_time", processingTimeNanos);
    out.put("average_processing_time", averageProcessingTimeNanos);
    if (data != null) {
      out.put("data", data);
    }
    return out;
  }

  /**
   * Returns the endpoint name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the subject.
   *
   * @return the subject
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns the queue group.
   *
   * @return the queue group, empty if none
   */
  public Optional<String> queueGroup() {
    return Optional.ofNullable(queueGroup);
  }

  /**
   * Returns how many requests came.
   *
   * @return the request count
   */
  public long numRequests() {
    return numRequests;
  }

  /**
   * Returns how many requests ended in an error (an error reply, or a handler that threw).
   *
   * @return the error count
   */
  public long numErrors() {
    return numErrors;
  }

  /**
   * Returns the last error as {@code "<code>:<description>"}.
   *
   * @return the last error, empty until an error happened
   */
  public String lastError() {
    return lastError;
  }

  /**
   * Returns the total time spent in the handler.
   *
   * @return the processing time
   */
  public Duration processingTime() {
    return Duration.ofNanos(processingTimeNanos);
  }

  /**
   * Returns the average time spent in the handler per request (0 with no requests).
   *
   * @return the average processing time
   */
  public Duration averageProcessingTime() {
    return Duration.ofNanos(averageProcessingTimeNanos);
  }

  /**
   * Returns the custom data from the service's stats data function.
   *
   * @return maps, lists, strings, numbers, booleans as the JSON had them; null if none
   */
  public Object data() {
    return data;
  }

  /**
   * Returns the custom data as JSON text.
   *
   * @return the JSON, or null if none
   */
  public String dataJson() {
    return data == null ? null : Json.write(data);
  }

  @Override
  public String toString() {
    return "EndpointStats{"
        + name
        + ", requests="
        + numRequests
        + ", errors="
        + numErrors
        + ", lastError="
        + lastError
        + ", processingTime="
        + processingTimeNanos
        + "ns}";
  }
}

package io.nats4j.service;

import io.nats4j.client.Message;
import io.nats4j.client.Subscription;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint of a running service: its resolved subject and queue group, its subscription, and
 * its counters (package-private).
 *
 * <p>Thread-safety: counters are guarded by this object's monitor; handlers may run concurrently.
 */
final class EndpointRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(EndpointRuntime.class);

  private final String name;
  private final String subject;
  private final String queueGroup;
  private final Map<String, String> metadata;
  private final ServiceHandler handler;
  private volatile Subscription subscription;

  private long requests; // guarded by this
  private long errors; // guarded by this
  private long processingNanos; // guarded by this
  private String lastError = ""; // guarded by this

  EndpointRuntime(
      String name,
      String subject,
      String queueGroup,
      Map<String, String> metadata,
      ServiceHandler handler) {
    this.name = name;
    this.subject = subject;
    this.queueGroup = queueGroup;
    this.metadata = metadata;
    this.handler = handler;
  }

  String subject() {
    return subject;
  }

  String queueGroup() {
    return queueGroup;
  }

  void subscription(Subscription subscription) {
    this.subscription = subscription;
  }

  Subscription subscription() {
    return subscription;
  }

  /** Runs the handler; never throws. */
  void handle(Message message) {
    synchronized (this) {
      requests++; // counted on arrival: stats read right after the reply already include it
    }
    long start = System.nanoTime();
    ServiceRequest request = new ServiceRequest(message, this);
    try {
      handler.handle(request);
    } catch (ServiceErrorException e) {
      replyToFailure(request, e.code(), e.description(), e);
    } catch (Exception | LinkageError | AssertionError e) {
      String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      replyToFailure(request, 500, text, e);
    } finally {
      long took = System.nanoTime() - start;
      synchronized (this) {
        processingNanos += took;
      }
    }
  }

  private void replyToFailure(ServiceRequest request, int code, String text, Throwable e) {
    LOG.debug("endpoint {} handler failed on {}", name, request.subject(), e);
    if (request.responded() || message(request).replyTo() == null) {
      recordError(code, text);
      return;
    }
    try {
      request.respondError(code, text);
    } catch (RuntimeException replyFailed) {
      LOG.warn("endpoint {} could not send its error reply: {}", name, replyFailed.toString());
    }
  }

  private static Message message(ServiceRequest request) {
    return request.message();
  }

  synchronized void recordError(int code, String description) {
    errors++;
    lastError = code + ":" + description;
  }

  synchronized void reset() {
    requests = 0;
    errors = 0;
    processingNanos = 0;
    lastError = "";
  }

  EndpointInfo info() {
    return new EndpointInfo(name, subject, queueGroup, metadata);
  }

  EndpointStats stats(Function<EndpointInfo, ?> data) {
    Object custom = null;
    if (data != null) {
      try {
        custom = data.apply(info());
      } catch (RuntimeException e) {
        LOG.warn("the stats data function failed for endpoint {}: {}", name, e.toString());
      }
    }
    synchronized (this) {
      return new EndpointStats(
          name, subject, queueGroup, requests, errors, lastError, processingNanos, custom);
    }
  }
}

package io.nats4j.spring.boot;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionStatus;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drains the connection when the application context stops, before any bean is destroyed: handlers
 * finish what they have, subscriptions stop, everything published is flushed, then the connection
 * closes. Its phase is below the web server's graceful shutdown, so HTTP requests still in flight
 * can publish.
 *
 * <p>Thread-safety: called by Spring's lifecycle processor, one call at a time.
 */
final class ConnectionDrainer implements SmartLifecycle {
  /** Stopped after the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}). */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionDrainer.class);

  private final Connection connection;
  private final Duration timeout;
  private volatile boolean running;

  ConnectionDrainer(Connection connection, Duration timeout) {
    this.connection = connection;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (connection.status() == ConnectionStatus.CLOSED) {
      return;
    }
    try {
      connection.drain(timeout).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.warn("draining the NATS connection failed; closing it: {}", e.toString());
    } finally {
      connection.close();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}

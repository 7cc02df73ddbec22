package io.nats4j.spring.boot;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionStatus;
import io.nats4j.client.ServerInfo;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Actuator health from the connection's status: UP while CONNECTED (with the server's URL, name and
 * version), DOWN otherwise (with the status: RECONNECTING, CLOSED, ...). Asks nothing of the
 * server, so a health check never blocks on the network.
 *
 * <p>Thread-safety: safe from any thread (reads the connection's status).
 */
public class Nats4jHealthIndicator extends AbstractHealthIndicator {
  private final Connection connection;

  /**
   * Creates the indicator.
   *
   * @param connection the connection to report on
   */
  public Nats4jHealthIndicator(Connection connection) {
    super("NATS health check failed");
    this.connection = connection;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    ConnectionStatus status = connection.status();
    builder.withDetail("status", status.name());
    if (status != ConnectionStatus.CONNECTED) {
      builder.down();
      return;
    }
    builder.up().withDetail("server", String.valueOf(connection.connectedUrl()));
    ServerInfo info = connection.serverInfo();
    if (info != null) {
      builder.withDetail("serverName", String.valueOf(info.serverName()));
      builder.withDetail("version", String.valueOf(info.version()));
    }
  }
}

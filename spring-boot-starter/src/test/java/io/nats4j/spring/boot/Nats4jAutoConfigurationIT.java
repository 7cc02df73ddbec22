package io.nats4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionStatus;
import io.nats4j.client.Options;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.JetStream;
import io.nats4j.micrometer.NatsConnectionMetrics;
import io.nats4j.micrometer.NatsMeterObserver;
import io.nats4j.opentelemetry.NatsTelemetry;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import io.opentelemetry.api.OpenTelemetry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter against the real server, through Spring Boot's ApplicationContextRunner. */
@NatsServerTest
@io.nats4j.testkit.JetStream
class Nats4jAutoConfigurationIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final NatsServer server;
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(Nats4jAutoConfiguration.class));

  Nats4jAutoConfigurationIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void contextStartsWithAWorkingConnectionAndJetStream() {
    runner
        .withPropertyValues(
            "nats4j.servers=" + server.clientUrl(), "nats4j.connection-name=orders-service")
        .run(
            context -> {
              assertThat(context).hasSingleBean(Connection.class).hasSingleBean(JetStream.class);
              Connection nc = context.getBean(Connection.class);
              Subscription sub = nc.subscribe("boot.hello");
              nc.publish("boot.hello", "hi".getBytes(StandardCharsets.UTF_8));
              assertThat(sub.next(WAIT).dataAsString()).isEqualTo("hi");
              assertThat(context.getBean(JetStream.class).accountInfo()).isNotNull();
              assertThat(context.getBean(Options.class).name()).isEqualTo("orders-service");
              assertThat(context.getBean(Nats4jHealthIndicator.class).health().getStatus())
                  .isEqualTo(Status.UP);
              assertThat(context).doesNotHaveBean(NatsConnectionMetrics.class);
              assertThat(context.getBean(Options.class).observer()).isNull();
            });
  }

  @Test
  void healthGoesDownWhenTheServerIsKilledAndUpAfterItRestarts() {
    try (NatsServer own = NatsServer.start()) {
      runner
          .withPropertyValues(
              "nats4j.servers=" + own.clientUrl(),
              "nats4j.reconnect.wait=100ms",
              "nats4j.reconnect.max-attempts=-1")
          .run(
              context -> {
                Nats4jHealthIndicator health = context.getBean(Nats4jHealthIndicator.class);
                assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                own.kill();
                Await.until(
                    () -> health.health().getStatus().equals(Status.DOWN),
                    WAIT,
                    "health DOWN after the kill");
                assertThat(health.health().getDetails()).containsEntry("status", "RECONNECTING");
                own.restart();
                Await.until(
                    () -> health.health().getStatus().equals(Status.UP),
                    Duration.ofSeconds(30),
                    "health UP after the restart");
              });
    }
  }

  @Test
  void closingTheContextDrainsAndClosesTheConnectionAndLeavesNoThread() {
    AtomicReference<Connection> connection = new AtomicReference<>();
    AtomicReference<String> handled = new AtomicReference<>();
    runner
        .withPropertyValues("nats4j.servers=" + server.clientUrl())
        .run(
            context -> {
              Connection nc = context.getBean(Connection.class);
              connection.set(nc);
              nc.defaultDispatcher().subscribe("boot.drain", m -> handled.set(m.dataAsString()));
              nc.flush(WAIT);
              nc.publish("boot.drain", "last".getBytes(StandardCharsets.UTF_8));
            });
    assertThat(connection.get().status()).isEqualTo(ConnectionStatus.CLOSED);
    assertThat(handled.get()).isEqualTo("last"); // drained: the message in flight was handled
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void micrometerAndOpenTelemetryAreWiredWhenTheirBeansExist() {
    runner
        .withPropertyValues("nats4j.servers=" + server.clientUrl(), "nats4j.connection-name=m")
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(OpenTelemetry.class, OpenTelemetry::noop)
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(NatsConnectionMetrics.class)
                  .hasSingleBean(NatsMeterObserver.class)
                  .hasSingleBean(NatsTelemetry.class)
                  .hasBean("nats4jTelemetryConnectionMetrics");
              assertThat(context.getBean(Options.class).observer()).isNotNull();
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              context.getBean(NatsConnectionMetrics.class).bindTo(registry);
              Connection nc = context.getBean(Connection.class);
              nc.publish("boot.m", new byte[] {1});
              nc.flush(WAIT);
              assertThat(
                      registry
                          .get("nats.client.messages")
                          .tags("connection", "m", "direction", "out")
                          .functionCounter()
                          .count())
                  .isEqualTo(1.0);
            });
  }

  @Test
  void conflictingCredentialsFailTheContextWithAClearMessage() {
    runner
        .withPropertyValues(
            "nats4j.servers=" + server.clientUrl(), "nats4j.token=s3cret", "nats4j.username=u")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("set one of nats4j.creds-file, nats4j.token")
                    .hasMessageNotContaining("s3cret"));
  }

  @Test
  void disabledCreatesNothing() {
    runner
        .withPropertyValues("nats4j.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(Connection.class));
  }

  @Test
  void configurationMetadataDescribesTheProperties() throws Exception {
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json)
          .contains("\"nats4j.servers\"")
          .contains("\"nats4j.creds-file\"")
          .contains("\"nats4j.tls.ca-certificate\"")
          .contains("\"nats4j.reconnect.max-attempts\"")
          .contains("Server URLs");
    }
  }
}

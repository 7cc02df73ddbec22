package io.nats4j.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.nats4j.client.Connection;
import io.nats4j.client.MessageObserver;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.jetstream.JetStream;
import io.nats4j.micrometer.NatsConnectionMetrics;
import io.nats4j.micrometer.NatsMeterObserver;
import io.nats4j.opentelemetry.NatsTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of nats4j: a {@link Connection} from the {@code nats4j.*} properties ({@link
 * Nats4jProperties}), drained when the context stops and closed when it is destroyed; a {@link
 * JetStream} context on it; an Actuator health indicator ({@code nats4j}) when Spring Boot's health
 * module is present; Micrometer meters when a {@code MeterRegistry} bean and nats4j-micrometer are
 * present; OpenTelemetry tracing and metrics when an {@code OpenTelemetry} bean and
 * nats4j-opentelemetry are present. Every bean backs off when the application declares its own.
 *
 * <p>Thread-safety: Spring creates these beans once, on the thread starting the context.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration"
    })
@ConditionalOnClass(Connection.class)
@ConditionalOnProperty(prefix = "nats4j", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(Nats4jProperties.class)
public class Nats4jAutoConfiguration {

  /** Creates the auto-configuration (Spring does). */
  public Nats4jAutoConfiguration() {}

  /**
   * The connection's options: the properties, every {@link MessageObserver} bean (tracing, metrics,
   * the application's own), then every {@link Nats4jOptionsCustomizer}.
   *
   * @param properties the {@code nats4j.*} properties
   * @param observers the observer beans
   * @param customizers the customizer beans
   * @return the options
   */
  @Bean
  @ConditionalOnMissingBean
  public Options nats4jOptions(
      Nats4jProperties properties,
      ObjectProvider<MessageObserver> observers,
      ObjectProvider<Nats4jOptionsCustomizer> customizers) {
    List<MessageObserver> all = observers.orderedStream().toList();
    Options.Builder builder = OptionsFromProperties.builder(properties, all);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /**
   * The connection, connected when the context starts (or retrying in the background with {@code
   * nats4j.reconnect.retry-on-failed-connect}).
   *
   * @param options the options
   * @return the connection; closed when the context is destroyed
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Connection nats4jConnection(Options options) {
    return Nats.connect(options);
  }

  /**
   * Drains the connection when the context stops.
   *
   * @param connection the connection
   * @param properties for the drain timeout
   * @return the lifecycle bean
   */
  @Bean
  static ConnectionDrainer nats4jConnectionDrainer(
      Connection connection, Nats4jProperties properties) {
    return new ConnectionDrainer(connection, properties.getDrainTimeout());
  }

  /** The JetStream context, when the JetStream module is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JetStream.class)
  static class JetStreamConfiguration {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    JetStream nats4jJetStream(Connection connection) {
      return JetStream.of(connection);
    }
  }

  /** The health indicator, when Spring Boot's health module is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("nats4j")
  static class HealthConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "nats4jHealthIndicator")
    Nats4jHealthIndicator nats4jHealthIndicator(Connection connection) {
      return new Nats4jHealthIndicator(connection);
    }
  }

  /** Micrometer meters, when nats4j-micrometer is present and a registry bean exists. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({MeterRegistry.class, NatsConnectionMetrics.class})
  @ConditionalOnBean(MeterRegistry.class)
  static class MicrometerConfiguration {
    @Bean
    @ConditionalOnMissingBean
    NatsMeterObserver nats4jMeterObserver(MeterRegistry registry, Nats4jProperties properties) {
      return new NatsMeterObserver(registry, Tags.of("connection", name(properties)));
    }

    /** Bound to every registry by Spring Boot's metrics auto-configuration (a MeterBinder). */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    NatsConnectionMetrics nats4jConnectionMetrics(
        Connection connection, Nats4jProperties properties) {
      return new NatsConnectionMetrics(connection, name(properties), Tags.empty());
    }

    private static String name(Nats4jProperties properties) {
      return properties.getConnectionName() == null ? "" : properties.getConnectionName();
    }
  }

  /** OpenTelemetry, when nats4j-opentelemetry is present and an OpenTelemetry bean exists. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({OpenTelemetry.class, NatsTelemetry.class})
  @ConditionalOnBean(OpenTelemetry.class)
  static class OpenTelemetryConfiguration {
    @Bean
    @ConditionalOnMissingBean
    NatsTelemetry nats4jTelemetry(OpenTelemetry openTelemetry) {
      return NatsTelemetry.create(openTelemetry);
    }

    @Bean
    MessageObserver nats4jTracingObserver(NatsTelemetry telemetry) {
      return telemetry.observer();
    }

    /** The connection's statistics as OpenTelemetry metrics, unregistered on shutdown. */
    @Bean(destroyMethod = "close")
    AutoCloseable nats4jTelemetryConnectionMetrics(NatsTelemetry telemetry, Connection connection) {
      return telemetry.register(connection);
    }
  }
}

package io.nats4j.spring.boot;

import io.nats4j.client.Options;

/**
 * Adjusts the connection's options after the {@code nats4j.*} properties were applied: declare a
 * bean of this type to set what the properties do not cover (a listener, a dialer, thread options).
 *
 * <p>Thread-safety: called once, on the thread that creates the connection bean.
 */
@FunctionalInterface
public interface Nats4jOptionsCustomizer {
  /**
   * Customizes the builder.
   *
   * @param builder the builder, with the properties applied
   */
  void customize(Options.Builder builder);
}

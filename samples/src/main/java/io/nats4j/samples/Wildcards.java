package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.Subscription;
import java.time.Duration;

/**
 * Wildcard subscriptions: {@code *} matches exactly one token, {@code >} one or more trailing
 * tokens.
 *
 * <p>Run: {@code Wildcards <server-url>}.
 */
public final class Wildcards {

  private Wildcards() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url)) {
      Subscription oneToken = nc.subscribe("samples.weather.*");
      Subscription allBelow = nc.subscribe("samples.weather.>");
      nc.publish("samples.weather.paris", "sunny");
      nc.publish("samples.weather.paris.tomorrow", "rain");

      System.out.println("'*' got: " + oneToken.next(Duration.ofSeconds(5)).subject());
      System.out.println("'>' got: " + allBelow.next(Duration.ofSeconds(5)).subject());
      System.out.println("'>' got: " + allBelow.next(Duration.ofSeconds(5)).subject());
      try {
        oneToken.next(Duration.ofMillis(200));
        throw new IllegalStateException("'*' must not match two tokens");
      } catch (NatsTimeoutException expected) {
        System.out.println("'*' did not match samples.weather.paris.tomorrow, as expected");
      }
    }
  }
}

package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Message headers: multi-valued and case-preserving, sent with {@code HPUB} and read back on the
 * received message.
 *
 * <p>Run: {@code MessageHeaders <server-url>}.
 */
public final class MessageHeaders {

  private MessageHeaders() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url)) {
      Subscription sub = nc.subscribe("samples.orders");
      Headers headers =
          new Headers()
              .add("Order-Id", "42")
              .add("Tag", "urgent", "gift")
              .put("Content-Type", "text/plain");
      nc.publish("samples.orders", null, headers, "two books".getBytes(StandardCharsets.UTF_8));

      Message message = sub.next(Duration.ofSeconds(5));
      System.out.println("payload: " + message.dataAsString());
      for (String key : message.headers().keys()) {
        System.out.println("header " + key + " = " + message.headers().get(key));
      }
      System.out.println("first Tag: " + message.headers().first("Tag"));
    }
  }
}

package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.Subscription;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Publish and subscribe both ways: a synchronous subscription that the caller polls with {@code
 * next}, and an asynchronous one whose handler runs on a dispatcher thread.
 *
 * <p>Run: {@code PublishSubscribe <server-url>}.
 */
public final class PublishSubscribe {

  private PublishSubscribe() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) throws InterruptedException {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url)) {
      Subscription sync = nc.subscribe("samples.greetings");
      CountDownLatch received = new CountDownLatch(3);
      Dispatcher dispatcher = nc.createDispatcher("greeter");
      dispatcher.subscribe(
          "samples.greetings",
          message -> {
            System.out.println("async handler got: " + message.dataAsString());
            received.countDown();
          });

      for (int i = 1; i <= 3; i++) {
        nc.publish("samples.greetings", "hello #" + i);
      }
      for (int i = 1; i <= 3; i++) {
        Message message = sync.next(Duration.ofSeconds(5));
        System.out.println("sync subscription got: " + message.dataAsString());
      }
      if (!received.await(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the async handler did not get all three messages");
      }
    }
  }
}

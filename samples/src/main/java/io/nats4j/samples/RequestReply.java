package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.NoRespondersException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Request/reply: a service answers on {@code samples.time} with {@code message.respond}; clients
 * ask synchronously and asynchronously. A request nobody listens to fails at once with {@link
 * NoRespondersException} instead of waiting for the timeout.
 *
 * <p>Run: {@code RequestReply <server-url>}.
 */
public final class RequestReply {

  private RequestReply() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url)) {
      nc.createDispatcher("time-service")
          .subscribe(
              "samples.time", request -> request.respond("it is " + java.time.LocalTime.now()));
      nc.flush(Duration.ofSeconds(5));

      Message reply = nc.request("samples.time", new byte[0], Duration.ofSeconds(5));
      System.out.println("sync reply: " + reply.dataAsString());

      CompletableFuture<Message> future =
          nc.requestAsync(
              "samples.time", "async".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
      System.out.println("async reply: " + future.join().dataAsString());

      try {
        nc.request("samples.nobody.home", new byte[0], Duration.ofSeconds(5));
        throw new IllegalStateException("expected no responders");
      } catch (NoRespondersException e) {
        System.out.println("no responders, reported at once: " + e.getMessage());
      }
    }
  }
}

package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.service.Discovery;
import io.nats4j.service.Endpoint;
import io.nats4j.service.EndpointStats;
import io.nats4j.service.Group;
import io.nats4j.service.Service;
import io.nats4j.service.ServiceErrorException;
import io.nats4j.service.ServiceInfo;
import java.time.Duration;

/**
 * A service (ADR-32) with two endpoints in a group, found and read by discovery: what {@code nats
 * micro list|info|stats} shows. A bad request gets an error reply that counts in the stats.
 *
 * <p>Run: {@code MicroService <server-url>}.
 */
public final class MicroService {
  private MicroService() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url)) {
      Group text = Group.named("text");
      Service service =
          Service.builder(nc)
              .name("text-tools")
              .version("1.0.0")
              .description("upper-cases and reverses text")
              .addEndpoint(
                  text,
                  Endpoint.builder("upper")
                      .handler(r -> r.respond(upper(r.dataAsString())))
                      .build())
              .addEndpoint(
                  text,
                  Endpoint.builder("reverse")
                      .handler(
                          r -> r.respond(new StringBuilder(r.dataAsString()).reverse().toString()))
                      .build())
              .start();
      Duration wait = Duration.ofSeconds(5);
      System.out.println(
          "upper: " + nc.request("text.upper", "hello".getBytes(), wait).dataAsString());
      System.out.println(
          "reverse: " + nc.request("text.reverse", "hello".getBytes(), wait).dataAsString());
      ServiceErrorException error =
          ServiceErrorException.of(nc.request("text.upper", new byte[0], wait));
      System.out.println("empty request: error " + error.code() + " " + error.description());

      Discovery discovery = new Discovery(nc);
      for (ServiceInfo info : discovery.info("text-tools")) {
        System.out.println("found " + info.name() + " " + info.version() + " id " + info.id());
        info.endpoints()
            .forEach(e -> System.out.println("  endpoint " + e.name() + " on " + e.subject()));
      }
      for (EndpointStats stats :
          discovery.stats("text-tools", service.id()).orElseThrow().endpoints()) {
        System.out.println(
            "  stats "
                + stats.name()
                + ": requests="
                + stats.numRequests()
                + " errors="
                + stats.numErrors()
                + " last_error="
                + stats.lastError());
      }
      service.stop(wait).join();
      System.out.println("stopped; services left: " + discovery.ping("text-tools").size());
    }
  }

  private static String upper(String text) {
    if (text.isEmpty()) {
      throw new ServiceErrorException(400, "nothing to upper-case");
    }
    return text.toUpperCase(java.util.Locale.ROOT);
  }
}

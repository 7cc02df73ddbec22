package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.Subscription;
import io.nats4j.client.WebSocketOptions;
import java.time.Duration;

/**
 * Connects over WebSocket, to the server's {@code websocket {}} listener: the way through HTTP-only
 * proxies and load balancers. Everything else is as over TCP. {@code wss://} adds TLS, configured
 * with {@code TlsOptions} as for {@code tls://}; extra upgrade headers (a cookie, a proxy's
 * authorization) and the HTTP path go in {@link WebSocketOptions}.
 *
 * <p>Run: {@code WebSocket <ws://host:port>}.
 */
public final class WebSocket {

  private WebSocket() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: WebSocket <ws://host:port>");
    }
    Options options =
        Options.builder()
            .server(args[0])
            .name("sample-websocket")
            .webSocket(
                WebSocketOptions.builder()
                    .header("X-Request-Source", "nats4j-sample")
                    .compression(true) // used when the listener has compression: true
                    .build())
            .build();
    try (Connection nc = Nats.connect(options)) {
      System.out.println("connected over WebSocket to " + nc.connectedUrl());
      Subscription sub = nc.subscribe("samples.ws");
      nc.publish("samples.ws", "hello over WebSocket");
      System.out.println("received: " + sub.next(Duration.ofSeconds(5)).dataAsString());
    }
  }
}

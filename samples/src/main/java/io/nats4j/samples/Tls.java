package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.Subscription;
import io.nats4j.client.TlsOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Connects over TLS: the server certificate must chain to the given CA <em>and</em> name the host
 * of the URL (hostname verification is always on; use {@code serverName} when you connect by IP
 * address to a certificate that names a host). With a client certificate and key it also works
 * against servers that require mutual TLS ({@code tls { verify: true }}).
 *
 * <p>Run: {@code Tls <tls://host:port> <ca.pem> [client-cert.pem client-key.pem]}.
 */
public final class Tls {

  private Tls() {}

  /** Runs the sample against {@code args[0]}, trusting the CA in {@code args[1]}. */
  public static void main(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: Tls <tls://host:port> <ca.pem> [cert key]");
    }
    TlsOptions.Builder tls = TlsOptions.builder().trustCertificates(Path.of(args[1]));
    if (args.length >= 4) {
      tls.clientCertificate(Path.of(args[2]), Path.of(args[3]));
    }
    TlsOptions tlsOptions = tls.build();
    Options options = Options.builder().server(args[0]).name("sample-tls").tls(tlsOptions).build();
    try (Connection nc = Nats.connect(options)) {
      System.out.println("connected over TLS to " + nc.connectedUrl() + " (" + tlsOptions + ")");
      Subscription sub = nc.subscribe("samples.tls");
      nc.publish("samples.tls", "hello over TLS");
      System.out.println("received: " + sub.next(Duration.ofSeconds(5)).dataAsString());
    }
  }
}

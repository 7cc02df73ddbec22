package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Credentials;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.Subscription;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Connects to an operator-mode server with a creds file (the user JWT and NKey seed that {@code
 * nsc} or an account server writes), then sends itself one message. The file is read again on every
 * connect attempt, so a rotated file is picked up without restarting the application; its seed
 * never leaves the process (only a signature of the server's nonce does).
 *
 * <p>Run: {@code ConnectWithCreds <server-url> <creds-file>} (or set {@code NATS_CREDS}).
 */
public final class ConnectWithCreds {

  private ConnectWithCreds() {}

  /** Runs the sample against {@code args[0]} with the creds file {@code args[1]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    String creds = args.length > 1 ? args[1] : System.getenv("NATS_CREDS");
    if (creds == null) {
      throw new IllegalArgumentException("usage: ConnectWithCreds <server-url> <creds-file>");
    }
    Options options =
        Options.builder()
            .server(url)
            .name("sample-connect-with-creds")
            .credentials(Credentials.credsFile(Path.of(creds)))
            .build();
    try (Connection nc = Nats.connect(options)) {
      System.out.println("connected to " + nc.connectedUrl() + " with the creds in " + creds);
      Subscription sub = nc.subscribe("samples.creds");
      nc.publish("samples.creds", "hello from an authenticated user");
      System.out.println("received: " + sub.next(Duration.ofSeconds(5)).dataAsString());
    }
  }
}

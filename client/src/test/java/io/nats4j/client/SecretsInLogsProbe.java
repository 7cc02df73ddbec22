package io.nats4j.client;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run in a child JVM by {@link SecretsNeverLoggedIT} with all logging at TRACE: connects with each
 * kind of secret, succeeding and failing, and logs what an application typically logs (options,
 * credentials, exceptions with stack traces). The parent then searches the output for the secrets.
 *
 * <p>Arguments: triples of {@code kind url secret}, kind one of userpass (secret = user:password),
 * token, seed, creds (secret = creds file path), urlcreds (secret ignored: the URL holds them).
 */
public final class SecretsInLogsProbe {
  private static final Logger LOG = LoggerFactory.getLogger("application");

  private SecretsInLogsProbe() {}

  /**
   * Entry point.
   *
   * @param args triples of kind, url and secret
   */
  public static void main(String[] args) {
    for (int i = 0; i + 2 < args.length; i += 3) {
      String kind = args[i];
      String url = args[i + 1];
      String secret = args[i + 2];
      Options.Builder builder = Options.builder().server(url);
      switch (kind) {
        case "userpass" -> {
          int colon = secret.indexOf(':');
          builder.credentials(
              Credentials.userPassword(
                  secret.substring(0, colon), secret.substring(colon + 1).toCharArray()));
        }
        case "token" -> builder.credentials(Credentials.token(secret.toCharArray()));
        case "seed" -> builder.credentials(Credentials.nkeySeed(secret.toCharArray()));
        case "creds" -> builder.credentials(Credentials.credsFile(Path.of(secret)));
        case "urlcreds" -> {}
        default -> throw new IllegalArgumentException("unknown kind " + kind);
      }
      Options options = builder.build();
      LOG.info("connecting with {}", options);
      try (Connection nc = Nats.connect(options)) {
        LOG.info("connected to {} ({})", nc.connectedUrl(), nc.serverInfo());
        nc.flush(java.time.Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.error("connect with " + kind + " failed", e);
      }
    }
    System.out.println("PROBE DONE");
  }
}

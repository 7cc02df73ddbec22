package io.nats4j.client.internal.transport;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test certificates made once with openssl, in src/test/resources/tls (valid until 2125). */
final class TlsFixtures {
  private TlsFixtures() {}

  /** A PEM fixture by file name, e.g. "ca.pem". */
  static Path file(String name) {
    try {
      return Path.of(TlsFixtures.class.getResource("/tls/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource /tls/" + name, e);
    }
  }
}

package io.nats4j.spring.boot;

import io.nats4j.client.Credentials;
import io.nats4j.client.MessageObserver;
import io.nats4j.client.Options;
import io.nats4j.client.ReconnectOptions;
import io.nats4j.client.TlsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.springframework.core.io.Resource;

/** Turns {@link Nats4jProperties} into {@link Options}: one place, no secret ever logged. */
final class OptionsFromProperties {
  private OptionsFromProperties() {}

  static Options.Builder builder(Nats4jProperties p, List<MessageObserver> observers) {
    Options.Builder b = Options.builder().servers(p.getServers());
    if (p.getConnectionName() != null) {
      b.name(p.getConnectionName());
    }
    if (p.getConnectTimeout() != null) {
      b.connectTimeout(p.getConnectTimeout());
    }
    credentials(p, b);
    tls(p.getTls(), b);
    b.reconnect(reconnect(p.getReconnect()));
    if (!observers.isEmpty()) {
      b.observer(MessageObserver.all(observers));
    }
    return b;
  }

  private static void credentials(Nats4jProperties p, Options.Builder b) {
    int set =
        (p.getCredsFile() != null ? 1 : 0)
            + (p.getToken() != null ? 1 : 0)
            + (p.getUsername() != null ? 1 : 0);
    if (set > 1) {
      throw new IllegalArgumentException(
          "set one of nats4j.creds-file, nats4j.token and nats4j.username, not " + set);
    }
    if (p.getCredsFile() != null) {
      b.credentials(Credentials.creds(read(p.getCredsFile(), "nats4j.creds-file")));
    } else if (p.getToken() != null) {
      b.credentials(Credentials.token(p.getToken().toCharArray()));
    } else if (p.getUsername() != null) {
      if (p.getPassword() == null) {
        throw new IllegalArgumentException("nats4j.username is set but nats4j.password is not");
      }
      b.credentials(Credentials.userPassword(p.getUsername(), p.getPassword().toCharArray()));
    }
  }

  private static void tls(Nats4jProperties.Tls t, Options.Builder b) {
    if (t.getCaCertificate() == null && t.getClientCertificate() == null && !t.isHandshakeFirst()) {
      return;
    }
    TlsOptions.Builder tls = TlsOptions.builder();
    if (t.getCaCertificate() != null) {
      tls.trustCertificates(path(t.getCaCertificate(), "nats4j.tls.ca-certificate"));
    }
    if (t.getClientCertificate() != null) {
      if (t.getClientKey() == null) {
        throw new IllegalArgumentException(
            "nats4j.tls.client-certificate is set but nats4j.tls.client-key is not");
      }
      tls.clientCertificate(
          path(t.getClientCertificate(), "nats4j.tls.client-certificate"),
          path(t.getClientKey(), "nats4j.tls.client-key"));
    }
    if (t.isHandshakeFirst()) {
      tls.handshakeFirst();
    }
    b.tls(tls.build());
  }

  private static ReconnectOptions reconnect(Nats4jProperties.Reconnect r) {
    if (!r.isEnabled()) {
      return ReconnectOptions.disabled();
    }
    ReconnectOptions.Builder b = ReconnectOptions.builder();
    if (r.getMaxAttempts() != null) {
      b.maxAttempts(r.getMaxAttempts());
    }
    if (r.getWait() != null) {
      b.waitTime(r.getWait());
    }
    if (r.getBufferSize() != null) {
      b.bufferBytes(r.getBufferSize());
    }
    if (r.isRetryOnFailedConnect()) {
      b.retryOnFailedConnect();
    }
    return b.build();
  }

  private static char[] read(Resource resource, String property) {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).toCharArray();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          property + " cannot be read from " + resource.getDescription(), e);
    }
  }

  /**
   * A file resource as it is; anything else (a class-path entry in a jar) copied to a temp file.
   */
  private static Path path(Resource resource, String property) {
    try {
      if (resource.isFile()) {
        return resource.getFile().toPath();
      }
      Path copy = Files.createTempFile("nats4j-", ".pem");
      copy.toFile().deleteOnExit();
      try (InputStream in = resource.getInputStream()) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(
          property + " cannot be read from " + resource.getDescription(), e);
    }
  }
}

package io.nats4j.client;

import io.nats4j.client.internal.transport.TlsContexts;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How a connection secures itself with TLS: which certificate authorities to trust, which client
 * certificate to present (mutual TLS), which name to expect in the server's certificate, and
 * whether to start TLS before the server's INFO ({@code handshake_first} servers).
 *
 * <p>Thread-safety: immutable and safe to share between connections. The {@link Builder} is not
 * thread-safe.
 *
 * <p>Security defaults: TLS 1.3 and 1.2 only; the server certificate must chain to a trusted
 * authority (the given CA, trust store or SSL context, else the JDK's default trust store) <em>and
 * name the host</em> (hostname verification as HTTPS does it, against the URL host or {@link
 * Builder#serverName(String)}). The only way to switch verification off is the loudly named {@link
 * Builder#trustAllCertificatesInsecure()}.
 *
 * <pre>{@code
 * TlsOptions tls = TlsOptions.builder()
 *     .trustCertificates(Path.of("ca.pem"))
 *     .clientCertificate(Path.of("client.pem"), Path.of("client-key.pem"))   // mutual TLS
 *     .build();
 * }</pre>
 *
 * <p>PEM files are read once, in {@link Builder#build()}; to pick up renewed certificates, build
 * new options. Private keys may be PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 ({@code BEGIN RSA
 * PRIVATE KEY}) or SEC1 ({@code BEGIN EC PRIVATE KEY}), or encrypted PKCS#8 with {@link
 * Builder#clientCertificate(Path, Path, char[])}.
 */
public final class TlsOptions {

  private final SSLContext sslContext;
  private final String serverName;
  private final boolean handshakeFirst;
  private final boolean trustAllCertificatesInsecure;
  private final String description;

  private TlsOptions(Builder builder, SSLContext sslContext) {
    this.sslContext = sslContext;
    this.serverName = builder.serverName;
    this.handshakeFirst = builder.handshakeFirst;
    this.trustAllCertificatesInsecure = builder.trustAllCertificatesInsecure;
    this.description = builder.describe();
  }

  /**
   * Starts a builder with the secure defaults described on this class.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The SSL context sockets are created from: the one given to {@link Builder#sslContext}, or one
   * built from the trust and key material.
   *
   * @return the SSL context, never null
   */
  public SSLContext sslContext() {
    return sslContext;
  }

  /**
   * The name the server certificate must carry, when it differs from the URL host (for example a
   * certificate for {@code localhost} reached at {@code 127.0.0.1}). Also sent as SNI when it is a
   * host name.
   *
   * @return the expected server name, or empty to use the host of the URL
   */
  public Optional<String> serverName() {
    return Optional.ofNullable(serverName);
  }

  /**
   * Whether the TLS handshake happens right after the TCP connect, before the server's INFO, as
   * servers configured with {@code handshake_first} require.
   *
   * @return true for TLS first
   */
  public boolean isHandshakeFirst() {
    return handshakeFirst;
  }

  /**
   * Whether certificate and hostname verification are switched off. Never true unless {@link
   * Builder#trustAllCertificatesInsecure()} was called.
   *
   * @return true if any certificate is accepted
   */
  public boolean isTrustAllCertificatesInsecure() {
    return trustAllCertificatesInsecure;
  }

  /** Describes the trust and key sources by kind and file path; never shows key material. */
  @Override
  public String toString() {
    return description;
  }

  /**
   * Builds {@link TlsOptions}. Each source of trust (SSL context, CA file, trust store, trust all)
   * excludes the others, as do the two sources of a client certificate; {@link #build()} names the
   * conflicting settings.
   *
   * <p>Thread-safety: not thread-safe; build on one thread, then share the options.
   */
  public static final class Builder {
    private SSLContext sslContext;
    private Path trustCertificates;
    private KeyStore trustStore;
    private Path clientCertificate;
    private Path clientKey;
    private char[] clientKeyPassword;
    private boolean clientKeyPasswordWiped;
    private KeyStore keyStore;
    private char[] keyStorePassword;
    private String serverName;
    private boolean handshakeFirst;
    private boolean trustAllCertificatesInsecure;

    private Builder() {}

    /**
     * Uses this SSL context as it is, for both trust and client certificates. Hostname verification
     * still applies.
     *
     * @param sslContext an initialised SSL context
     * @return this builder
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    /**
     * Trusts the certificate authorities in this PEM file (one or more {@code BEGIN CERTIFICATE}
     * blocks) instead of the JDK's default trust store.
     *
     * @param caPem the CA certificate file
     * @return this builder
     */
    public Builder trustCertificates(Path caPem) {
      this.trustCertificates = Objects.requireNonNull(caPem, "trustCertificates");
      return this;
    }

    /**
     * Trusts the certificates in this key store instead of the JDK's default trust store.
     *
     * @param trustStore a loaded key store holding trusted certificates
     * @return this builder
     */
    public Builder trustStore(KeyStore trustStore) {
      this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
      return this;
    }

    /**
     * Presents this client certificate when the server asks for one (mutual TLS).
     *
     * @param certificatePem the client certificate, optionally followed by its chain
     * @param privateKeyPem its unencrypted private key (PKCS#8, PKCS#1 RSA or SEC1 EC)
     * @return this builder
     */
    public Builder clientCertificate(Path certificatePem, Path privateKeyPem) {
      this.clientCertificate = Objects.requireNonNull(certificatePem, "clientCertificate");
      this.clientKey = Objects.requireNonNull(privateKeyPem, "clientCertificate private key");
      wipe(this.clientKeyPassword);
      this.clientKeyPassword = null;
      this.clientKeyPasswordWiped = false;
      return this;
    }

    /**
     * Presents this client certificate, whose private key is an encrypted PKCS#8 PEM ({@code BEGIN
     * ENCRYPTED PRIVATE KEY}, as {@code openssl pkcs8 -topk8} writes it).
     *
     * @param certificatePem the client certificate, optionally followed by its chain
     * @param encryptedKeyPem its encrypted private key
     * @param keyPassword the key's password; copied, and the copy is wiped once {@link #build()}
     *     has used it
     * @return this builder
     */
    public Builder clientCertificate(
        Path certificatePem, Path encryptedKeyPem, char[] keyPassword) {
      clientCertificate(certificatePem, encryptedKeyPem);
      this.clientKeyPassword = Objects.requireNonNull(keyPassword, "keyPassword").clone();
      return this;
    }

    /**
     * Presents the client certificate held in this key store (mutual TLS).
     *
     * @param keyStore a loaded key store with one private key entry
     * @param password the key password; copied, and the copy is wiped once {@link #build()} has
     *     used it
     * @return this builder
     */
    public Builder keyStore(KeyStore keyStore, char[] password) {
      this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
      Objects.requireNonNull(password, "keyStore password");
      wipe(this.keyStorePassword);
      this.keyStorePassword = password.clone();
      return this;
    }

    /**
     * Expects this name in the server certificate instead of the URL host, and sends it as SNI when
     * it is a host name. Use it to reach a server by IP address whose certificate names a host.
     *
     * @param serverName a host name (or IP address) the certificate must match
     * @return this builder
     */
    public Builder serverName(String serverName) {
      Objects.requireNonNull(serverName, "serverName");
      if (serverName.isBlank() || serverName.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
        throw new IllegalArgumentException(
            "serverName must be a non-empty host name without spaces or control characters");
      }
      this.serverName = serverName;
      return this;
    }

    /**
     * Starts TLS right after the TCP connect, before the server sends INFO. Only for servers
     * configured with {@code tls { handshake_first: true }}; other servers send INFO in clear text
     * first and the handshake fails.
     *
     * @return this builder
     */
    public Builder handshakeFirst() {
      this.handshakeFirst = true;
      return this;
    }

    /**
     * <strong>INSECURE:</strong> accepts any server certificate, from any issuer, for any host.
     * Anyone on the network path can then read and change the traffic. For throwaway test setups
     * only; every connection logs a warning.
     *
     * @return this builder
     */
    public Builder trustAllCertificatesInsecure() {
      this.trustAllCertificatesInsecure = true;
      return this;
    }

    /**
     * Validates the settings, reads the PEM files and builds the SSL context.
     *
     * @return the immutable options
     * @throws IllegalStateException if settings conflict (the message names them)
     * @throws IllegalArgumentException if a file cannot be read or holds no usable certificate or
     *     key (the message names the file, never its content)
     */
    public TlsOptions build() {
      checkConflicts();
      try {
        SSLContext context =
            sslContext != null
                ? sslContext
                : TlsContexts.create(
                    trustCertificates,
                    trustStore,
                    trustAllCertificatesInsecure,
                    clientCertificate,
                    clientKey,
                    clientKeyPassword,
                    keyStore,
                    keyStorePassword);
        return new TlsOptions(this, context);
      } finally {
        wipe(keyStorePassword);
        keyStorePassword = null;
        if (clientKeyPassword != null) {
          wipe(clientKeyPassword);
          clientKeyPassword = null;
          clientKeyPasswordWiped = true;
        }
      }
    }

    private void checkConflicts() {
      int trustSources =
          count(
              sslContext != null,
              trustCertificates != null,
              trustStore != null,
              trustAllCertificatesInsecure);
      if (trustSources > 1) {
        throw new IllegalStateException(
            "TlsOptions: choose one of sslContext, trustCertificates, trustStore and"
                + " trustAllCertificatesInsecure; set: "
                + describeTrust());
      }
      if (clientCertificate != null && keyStore != null) {
        throw new IllegalStateException(
            "TlsOptions: choose one of clientCertificate and keyStore for the client certificate");
      }
      if (sslContext != null && (clientCertificate != null || keyStore != null)) {
        throw new IllegalStateException(
            "TlsOptions: sslContext already holds the client certificate; do not also set "
                + (clientCertificate != null ? "clientCertificate" : "keyStore"));
      }
      if (clientKeyPasswordWiped) {
        throw new IllegalStateException(
            "TlsOptions: the client key password was wiped by a previous build(); call"
                + " clientCertificate(certificate, key, password) again before building again");
      }
      if (keyStore != null && keyStorePassword == null) {
        throw new IllegalStateException(
            "TlsOptions: the keyStore password was wiped by a previous build(); call"
                + " keyStore(store, password) again before building again");
      }
    }

    private String describeTrust() {
      StringBuilder s = new StringBuilder();
      if (sslContext != null) {
        s.append("sslContext ");
      }
      if (trustCertificates != null) {
        s.append("trustCertificates ");
      }
      if (trustStore != null) {
        s.append("trustStore ");
      }
      if (trustAllCertificatesInsecure) {
        s.append("trustAllCertificatesInsecure ");
      }
      return s.toString().trim();
    }

    private String describe() {
      String trust;
      if (sslContext != null) {
        trust = "custom SSLContext";
      } else if (trustAllCertificatesInsecure) {
        trust = "ALL CERTIFICATES (INSECURE)";
      } else if (trustCertificates != null) {
        trust = "CA file " + trustCertificates;
      } else if (trustStore != null) {
        trust = "trust store";
      } else {
        trust = "JDK default trust store";
      }
      String client;
      if (clientCertificate != null) {
        client = "certificate file " + clientCertificate;
      } else if (keyStore != null) {
        client = "key store";
      } else {
        client = sslContext != null ? "from SSLContext" : "none";
      }
      return "TlsOptions[trust="
          + trust
          + ", clientCertificate="
          + client
          + ", serverName="
          + (serverName == null ? "(URL host)" : serverName)
          + ", handshakeFirst="
          + handshakeFirst
          + "]";
    }

    private static int count(boolean... flags) {
      int n = 0;
      for (boolean flag : flags) {
        n += flag ? 1 : 0;
      }
      return n;
    }

    private static void wipe(char[] secret) {
      if (secret != null) {
        Arrays.fill(secret, '\0');
      }
    }
  }
}

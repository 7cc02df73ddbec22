package io.nats4j.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The {@code nats4j.*} settings of {@code application.yml}, turned into the connection's {@code
 * Options} by {@link Nats4jAutoConfiguration}.
 *
 * <pre>{@code
 * nats4j:
 *   servers: [nats://n1:4222, nats://n2:4222]
 *   connection-name: orders-service
 *   creds-file: file:/etc/nats/orders.creds
 *   tls:
 *     ca-certificate: classpath:ca.pem
 *   reconnect:
 *     max-attempts: -1
 *     wait: 2s
 * }</pre>
 *
 * <p>Thread-safety: a mutable bean filled once by Spring when the context starts; read-only after.
 */
@ConfigurationProperties(prefix = "nats4j")
public class Nats4jProperties {
  /** Whether to create the NATS connection. */
  private boolean enabled = true;

  /** Server URLs (nats://, tls://, ws://, wss://); the connection tries them in turn. */
  private List<String> servers = new ArrayList<>(List.of("nats://localhost:4222"));

  /** The connection's name, shown by the server (and in metrics tags). */
  private String connectionName;

  /** A creds file (user JWT and NKey seed), e.g. file:/etc/nats/app.creds. */
  private Resource credsFile;

  /** A token to authenticate with. */
  private String token;

  /** A user name to authenticate with (with password). */
  private String username;

  /** The password of the user name. */
  private String password;

  /** How long connecting to one server may take. */
  private Duration connectTimeout;

  /** How long draining may take when the application stops; then the connection is closed. */
  private Duration drainTimeout = Duration.ofSeconds(10);

  /** TLS. */
  private final Tls tls = new Tls();

  /** Reconnecting after the connection is lost. */
  private final Reconnect reconnect = new Reconnect();

  /** TLS settings: PEM resources; TLS is used when any is set or a tls:// URL is given. */
  public static class Tls {
    /** CA certificates (PEM) to trust instead of the JVM's trust store. */
    private Resource caCertificate;

    /** The client certificate (PEM), for mutual TLS. */
    private Resource clientCertificate;

    /** The client certificate's private key (PEM). */
    private Resource clientKey;

    /** Start TLS before the server's INFO (the server's handshake_first). */
    private boolean handshakeFirst;

    /**
     * Returns the CA certificates.
     *
     * @return the resource, or null
     */
    public Resource getCaCertificate() {
      return caCertificate;
    }

    /**
     * Sets the CA certificates.
     *
     * @param caCertificate a PEM resource
     */
    public void setCaCertificate(Resource caCertificate) {
      this.caCertificate = caCertificate;
    }

    /**
     * Returns the client certificate.
     *
     * @return the resource, or null
     */
    public Resource getClientCertificate() {
      return clientCertificate;
    }

    /**
     * Sets the client certificate.
     *
     * @param clientCertificate a PEM resource
     */
    public void setClientCertificate(Resource clientCertificate) {
      this.clientCertificate = clientCertificate;
    }

    /**
     * Returns the client key.
     *
     * @return the resource, or null
     */
    public Resource getClientKey() {
      return clientKey;
    }

    /**
     * Sets the client key.
     *
     * @param clientKey a PEM resource
     */
    public void setClientKey(Resource clientKey) {
      this.clientKey = clientKey;
    }

    /**
     * Returns whether TLS starts first.
     *
     * @return true for handshake-first
     */
    public boolean isHandshakeFirst() {
      return handshakeFirst;
    }

    /**
     * Sets whether TLS starts first.
     *
     * @param handshakeFirst true for handshake-first
     */
    public void setHandshakeFirst(boolean handshakeFirst) {
      this.handshakeFirst = handshakeFirst;
    }
  }

  /** Reconnect settings; unset values keep the client's defaults. */
  public static class Reconnect {
    /** Whether to reconnect after the connection is lost. */
    private boolean enabled = true;

    /** Attempts per server before giving up; -1 for no limit. */
    private Integer maxAttempts;

    /** The wait between two attempts on the same server. */
    private Duration wait;

    /** Bytes published while disconnected that are kept for the next server. */
    private Integer bufferSize;

    /** Keep trying when the first connect fails (the application starts without NATS). */
    private boolean retryOnFailedConnect;

    /**
     * Returns whether reconnecting is on.
     *
     * @return true to reconnect
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether reconnecting is on.
     *
     * @param enabled true to reconnect
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Returns the attempts per server.
     *
     * @return the attempts, or null for the default
     */
    public Integer getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets the attempts per server.
     *
     * @param maxAttempts the attempts, -1 for no limit
     */
    public void setMaxAttempts(Integer maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /**
     * Returns the wait between attempts.
     *
     * @return the wait, or null for the default
     */
    public Duration getWait() {
      return wait;
    }

    /**
     * Sets the wait between attempts.
     *
     * @param wait the wait
     */
    public void setWait(Duration wait) {
      this.wait = wait;
    }

    /**
     * Returns the reconnect buffer size.
     *
     * @return bytes, or null for the default
     */
    public Integer getBufferSize() {
      return bufferSize;
    }

    /**
     * Sets the reconnect buffer size.
     *
     * @param bufferSize bytes
     */
    public void setBufferSize(Integer bufferSize) {
      this.bufferSize = bufferSize;
    }

    /**
     * Returns whether a failed first connect keeps trying.
     *
     * @return true to keep trying
     */
    public boolean isRetryOnFailedConnect() {
      return retryOnFailedConnect;
    }

    /**
     * Sets whether a failed first connect keeps trying.
     *
     * @param retryOnFailedConnect true to keep trying
     */
    public void setRetryOnFailedConnect(boolean retryOnFailedConnect) {
      this.retryOnFailedConnect = retryOnFailedConnect;
    }
  }

  /**
   * Returns whether the connection is created.
   *
   * @return true by default
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets whether the connection is created.
   *
   * @param enabled false to skip it
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Returns the server URLs.
   *
   * @return the URLs
   */
  public List<String> getServers() {
    return servers;
  }

  /**
   * Sets the server URLs.
   *
   * @param servers the URLs
   */
  public void setServers(List<String> servers) {
    this.servers = servers;
  }

  /**
   * Returns the connection name.
   *
   * @return the name, or null
   */
  public String getConnectionName() {
    return connectionName;
  }

  /**
   * Sets the connection name.
   *
   * @param connectionName the name
   */
  public void setConnectionName(String connectionName) {
    this.connectionName = connectionName;
  }

  /**
   * Returns the creds file.
   *
   * @return the resource, or null
   */
  public Resource getCredsFile() {
    return credsFile;
  }

  /**
   * Sets the creds file.
   *
   * @param credsFile the resource
   */
  public void setCredsFile(Resource credsFile) {
    this.credsFile = credsFile;
  }

  /**
   * Returns the token.
   *
   * @return the token, or null
   */
  public String getToken() {
    return token;
  }

  /**
   * Sets the token.
   *
   * @param token the token
   */
  public void setToken(String token) {
    this.token = token;
  }

  /**
   * Returns the user name.
   *
   * @return the user, or null
   */
  public String getUsername() {
    return username;
  }

  /**
   * Sets the user name.
   *
   * @param username the user
   */
  public void setUsername(String username) {
    this.username = username;
  }

  /**
   * Returns the password.
   *
   * @return the password, or null
   */
  public String getPassword() {
    return password;
  }

  /**
   * Sets the password.
   *
   * @param password the password
   */
  public void setPassword(String password) {
    this.password = password;
  }

  /**
   * Returns the connect timeout.
   *
   * @return the timeout, or null for the default
   */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets the connect timeout.
   *
   * @param connectTimeout the timeout
   */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * Returns the drain timeout.
   *
   * @return the timeout
   */
  public Duration getDrainTimeout() {
    return drainTimeout;
  }

  /**
   * Sets the drain timeout.
   *
   * @param drainTimeout the timeout
   */
  public void setDrainTimeout(Duration drainTimeout) {
    this.drainTimeout = drainTimeout;
  }

  /**
   * Returns the TLS settings.
   *
   * @return the TLS settings
   */
  public Tls getTls() {
    return tls;
  }

  /**
   * Returns the reconnect settings.
   *
   * @return the reconnect settings
   */
  public Reconnect getReconnect() {
    return reconnect;
  }
}

package io.nats4j.client;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a NATS server announced about itself in its most recent {@code INFO}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 *
 * <p>The authentication nonce the server sends in the same {@code INFO} is deliberately not part of
 * this value: it is used only during the handshake and never exposed.
 */
public final class ServerInfo {
  private final String serverId;
  private final String serverName;
  private final String version;
  private final String host;
  private final int port;
  private final boolean headers;
  private final long maxPayload;
  private final int protocol;
  private final boolean tlsRequired;
  private final boolean tlsAvailable;
  private final boolean authRequired;
  private final List<String> connectUrls;
  private final boolean lameDuckMode;
  private final int apiLevel;
  private final String cluster;
  private final String domain;
  private final boolean jetStream;
  private final String clientIp;
  private final long clientId;

  private ServerInfo(Builder b) {
    this.serverId = b.serverId;
    this.serverName = b.serverName;
    this.version = b.version;
    this.host = b.host;
    this.port = b.port;
    this.headers = b.headers;
    this.maxPayload = b.maxPayload;
    this.protocol = b.protocol;
    this.tlsRequired = b.tlsRequired;
    this.tlsAvailable = b.tlsAvailable;
    this.authRequired = b.authRequired;
    this.connectUrls = List.copyOf(b.connectUrls);
    this.lameDuckMode = b.lameDuckMode;
    this.apiLevel = b.apiLevel;
    this.cluster = b.cluster;
    this.domain = b.domain;
    this.jetStream = b.jetStream;
    this.clientIp = b.clientIp;
    this.clientId = b.clientId;
  }

  /**
   * Starts a builder. The connection builds a {@code ServerInfo} from each {@code INFO}; the
   * builder is for that, and for tests and tools that need a value of their own.
   *
   * @return a builder with every value unset (null, 0, false, no connect URLs)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the server's unique id ({@code server_id}).
   *
   * @return the server's unique id ({@code server_id})
   */
  public String serverId() {
    return serverId;
  }

  /**
   * Returns the configured server name, or the id when none is configured ({@code server_name}).
   *
   * @return the configured server name, or the id when none is configured ({@code server_name})
   */
  public String serverName() {
    return serverName;
  }

  /**
   * Returns the server version, e.g. {@code 2.15.2}.
   *
   * @return the server version, e.g. {@code 2.15.2}
   */
  public String version() {
    return version;
  }

  /**
   * Returns the host the server listens on as it sees it (often {@code 0.0.0.0}).
   *
   * @return the host the server listens on as it sees it (often {@code 0.0.0.0})
   */
  public String host() {
    return host;
  }

  /**
   * Returns the client port.
   *
   * @return the client port
   */
  public int port() {
    return port;
  }

  /**
   * Returns whether the server supports message headers.
   *
   * @return whether the server supports message headers
   */
  public boolean headers() {
    return headers;
  }

  /**
   * Returns the largest message (headers plus payload) the server accepts, in bytes ({@code
   * max_payload}).
   *
   * @return the largest message (headers plus payload) the server accepts, in bytes ({@code
   *     max_payload})
   */
  public long maxPayload() {
    return maxPayload;
  }

  /**
   * Returns the protocol version ({@code proto}).
   *
   * @return the protocol version ({@code proto})
   */
  public int protocol() {
    return protocol;
  }

  /**
   * Returns whether the server requires TLS ({@code tls_required}).
   *
   * @return whether the server requires TLS ({@code tls_required})
   */
  public boolean tlsRequired() {
    return tlsRequired;
  }

  /**
   * Returns whether the server offers TLS without requiring it ({@code tls_available}).
   *
   * @return whether the server offers TLS without requiring it ({@code tls_available})
   */
  public boolean tlsAvailable() {
    return tlsAvailable;
  }

  /**
   * Returns whether the server requires authentication ({@code auth_required}).
   *
   * @return whether the server requires authentication ({@code auth_required})
   */
  public boolean authRequired() {
    return authRequired;
  }

  /**
   * Returns other servers of the cluster a client may connect to ({@code connect_urls}), never
   * null, possibly empty.
   *
   * @return other servers of the cluster a client may connect to ({@code connect_urls}), never
   *     null, possibly empty
   */
  public List<String> connectUrls() {
    return connectUrls == null ? List.of() : Collections.unmodifiableList(connectUrls);
  }

  /**
   * Returns whether the server is shutting down and asks clients to move ({@code ldm}).
   *
   * @return whether the server is shutting down and asks clients to move ({@code ldm})
   */
  public boolean lameDuckMode() {
    return lameDuckMode;
  }

  /**
   * Returns the JetStream API level ({@code api_lvl}), 0 when absent (servers before 2.11).
   *
   * @return the JetStream API level ({@code api_lvl}), 0 when absent (servers before 2.11)
   */
  public int apiLevel() {
    return apiLevel;
  }

  /**
   * Returns the cluster name, or null.
   *
   * @return the cluster name, or null
   */
  public String cluster() {
    return cluster;
  }

  /**
   * Returns the JetStream domain, or null.
   *
   * @return the JetStream domain, or null
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns whether JetStream is enabled on this server.
   *
   * @return whether JetStream is enabled on this server
   */
  public boolean jetStream() {
    return jetStream;
  }

  /**
   * Returns this client's address as the server sees it ({@code client_ip}), or null.
   *
   * @return this client's address as the server sees it ({@code client_ip}), or null
   */
  public String clientIp() {
    return clientIp;
  }

  /**
   * Returns the id the server gave this connection ({@code client_id}), 0 when absent.
   *
   * @return the id the server gave this connection ({@code client_id}), 0 when absent
   */
  public long clientId() {
    return clientId;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ServerInfo)) {
      return false;
    }
    ServerInfo that = (ServerInfo) o;
    return Objects.equals(serverId, that.serverId)
        && Objects.equals(serverName, that.serverName)
        && Objects.equals(version, that.version)
        && Objects.equals(host, that.host)
        && port == that.port
        && headers == that.headers
        && maxPayload == that.maxPayload
        && protocol == that.protocol
        && tlsRequired == that.tlsRequired
        && tlsAvailable == that.tlsAvailable
        && authRequired == that.authRequired
        && Objects.equals(connectUrls(), that.connectUrls())
        && lameDuckMode == that.lameDuckMode
        && apiLevel == that.apiLevel
        && Objects.equals(cluster, that.cluster)
        && Objects.equals(domain, that.domain)
        && jetStream == that.jetStream
        && Objects.equals(clientIp, that.clientIp)
        && clientId == that.clientId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        serverId,
        serverName,
        version,
        host,
        port,
        headers,
        maxPayload,
        protocol,
        tlsRequired,
        tlsAvailable,
        authRequired,
        connectUrls(),
        lameDuckMode,
        apiLevel,
        cluster,
        domain,
        jetStream,
        clientIp,
        clientId);
  }

  @Override
  public String toString() {
    return "ServerInfo["
        + "serverId="
        + serverId
        + ", "
        + "serverName="
        + serverName
        + ", "
        + "version="
        + version
        + ", "
        + "host="
        + host
        + ", "
        + "port="
        + port
        + ", "
        + "headers="
        + headers
        + ", "
        + "maxPayload="
        + maxPayload
        + ", "
        + "protocol="
        + protocol
        + ", "
        + "tlsRequired="
        + tlsRequired
        + ", "
        + "tlsAvailable="
        + tlsAvailable
        + ", "
        + "authRequired="
        + authRequired
        + ", "
        + "connectUrls="
        + connectUrls()
        + ", "
        + "lameDuckMode="
        + lameDuckMode
        + ", "
        + "apiLevel="
        + apiLevel
        + ", "
        + "cluster="
        + cluster
        + ", "
        + "domain="
        + domain
        + ", "
        + "jetStream="
        + jetStream
        + ", "
        + "clientIp="
        + clientIp
        + ", "
        + "clientId="
        + clientId
        + "]";
  }

  /**
   * Builds a {@link ServerInfo}; every setter returns this builder.
   *
   * <p>Thread-safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String serverId;
    private String serverName;
    private String version;
    private String host;
    private int port;
    private boolean headers;
    private long maxPayload;
    private int protocol;
    private boolean tlsRequired;
    private boolean tlsAvailable;
    private boolean authRequired;
    private List<String> connectUrls = List.of();
    private boolean lameDuckMode;
    private int apiLevel;
    private String cluster;
    private String domain;
    private boolean jetStream;
    private String clientIp;
    private long clientId;

    private Builder() {}

    /**
     * Sets the server's unique id ({@code server_id}).
     *
     * @param serverId the server's unique id ({@code server_id})
     * @return this
     */
    public Builder serverId(String serverId) {
      this.serverId = serverId;
      return this;
    }

    /**
     * Sets the configured server name, or the id when none is configured ({@code server_name}).
     *
     * @param serverName the configured server name, or the id when none is configured ({@code
     *     server_name})
     * @return this
     */
    public Builder serverName(String serverName) {
      this.serverName = serverName;
      return this;
    }

    /**
     * Sets the server version, e.g. {@code 2.15.2}.
     *
     * @param version the server version, e.g. {@code 2.15.2}
     * @return this
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * Sets the host the server listens on as it sees it (often {@code 0.0.0.0}).
     *
     * @param host the host the server listens on as it sees it (often {@code 0.0.0.0})
     * @return this
     */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /**
     * Sets the client port.
     *
     * @param port the client port
     * @return this
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Sets whether the server supports message headers.
     *
     * @param headers whether the server supports message headers
     * @return this
     */
    public Builder headers(boolean headers) {
      this.headers = headers;
      return this;
    }

    /**
     * Sets the largest message (headers plus payload) the server accepts, in bytes ({@code
     * max_payload}).
     *
     * @param maxPayload the largest message (headers plus payload) the server accepts, in bytes
     *     ({@code max_payload})
     * @return this
     */
    public Builder maxPayload(long maxPayload) {
      this.maxPayload = maxPayload;
      return this;
    }

    /**
     * Sets the protocol version ({@code proto}).
     *
     * @param protocol the protocol version ({@code proto})
     * @return this
     */
    public Builder protocol(int protocol) {
      this.protocol = protocol;
      return this;
    }

    /**
     * Sets whether the server requires TLS ({@code tls_required}).
     *
     * @param tlsRequired whether the server requires TLS ({@code tls_required})
     * @return this
     */
    public Builder tlsRequired(boolean tlsRequired) {
      this.tlsRequired = tlsRequired;
      return this;
    }

    /**
     * Sets whether the server offers TLS without requiring it ({@code tls_available}).
     *
     * @param tlsAvailable whether the server offers TLS without requiring it ({@code
     *     tls_available})
     * @return this
     */
    public Builder tlsAvailable(boolean tlsAvailable) {
      this.tlsAvailable = tlsAvailable;
      return this;
    }

    /**
     * Sets whether the server requires authentication ({@code auth_required}).
     *
     * @param authRequired whether the server requires authentication ({@code auth_required})
     * @return this
     */
    public Builder authRequired(boolean authRequired) {
      this.authRequired = authRequired;
      return this;
    }

    /**
     * Sets other servers of the cluster a client may connect to ({@code connect_urls}), never null,
     * possibly empty.
     *
     * @param connectUrls other servers of the cluster a client may connect to ({@code
     *     connect_urls}), never null, possibly empty
     * @return this
     */
    public Builder connectUrls(List<String> connectUrls) {
      this.connectUrls = connectUrls == null ? List.of() : List.copyOf(connectUrls);
      return this;
    }

    /**
     * Sets whether the server is shutting down and asks clients to move ({@code ldm}).
     *
     * @param lameDuckMode whether the server is shutting down and asks clients to move ({@code
     *     ldm})
     * @return this
     */
    public Builder lameDuckMode(boolean lameDuckMode) {
      this.lameDuckMode = lameDuckMode;
      return this;
    }

    /**
     * Sets the JetStream API level ({@code api_lvl}), 0 when absent (servers before 2.11).
     *
     * @param apiLevel the JetStream API level ({@code api_lvl}), 0 when absent (servers before
     *     2.11)
     * @return this
     */
    public Builder apiLevel(int apiLevel) {
      this.apiLevel = apiLevel;
      return this;
    }

    /**
     * Sets the cluster name, or null.
     *
     * @param cluster the cluster name, or null
     * @return this
     */
    public Builder cluster(String cluster) {
      this.cluster = cluster;
      return this;
    }

    /**
     * Sets the JetStream domain, or null.
     *
     * @param domain the JetStream domain, or null
     * @return this
     */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /**
     * Sets whether JetStream is enabled on this server.
     *
     * @param jetStream whether JetStream is enabled on this server
     * @return this
     */
    public Builder jetStream(boolean jetStream) {
      this.jetStream = jetStream;
      return this;
    }

    /**
     * Sets this client's address as the server sees it ({@code client_ip}), or null.
     *
     * @param clientIp this client's address as the server sees it ({@code client_ip}), or null
     * @return this
     */
    public Builder clientIp(String clientIp) {
      this.clientIp = clientIp;
      return this;
    }

    /**
     * Sets the id the server gave this connection ({@code client_id}), 0 when absent.
     *
     * @param clientId the id the server gave this connection ({@code client_id}), 0 when absent
     * @return this
     */
    public Builder clientId(long clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the server info
     */
    public ServerInfo build() {
      return new ServerInfo(this);
    }
  }
}

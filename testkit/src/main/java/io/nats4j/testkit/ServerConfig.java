package io.nats4j.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a test needs from its {@code nats-server}: JetStream, users, TLS, limits and so on. The
 * harness turns it into a configuration file with free loopback ports (see {@link NatsServer}).
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()}:
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.builder().jetStream().user("alice", "s3cret").build();
 * try (NatsServer server = NatsServer.start(config)) { ... }
 * }</pre>
 *
 * <p>{@link #toString()} names the features only; passwords, tokens and JWTs never appear in it.
 */
public final class ServerConfig {

  record User(String name, String password, Permissions permissions) {}

  record NkeyUser(String publicKey, Permissions permissions) {}

  record Operator(
      String operatorJwt, String systemAccountPublicKey, Map<String, String> accountJwts) {}

  final boolean jetStream;
  final String serverName;
  final List<User> users;
  final String token;
  final List<NkeyUser> nkeyUsers;
  final Operator operator;
  final TestCertificates certificates;
  final boolean verifyClientCertificates;
  final boolean tlsHandshakeFirst;
  final int maxPayload;
  final boolean websocket;
  final boolean websocketCompression;
  final TestCertificates websocketCertificates;
  final boolean websocketVerifyClientCertificates;
  final String websocketJwtCookie;
  final boolean clientsOverWebSocket;
  final List<String> websocketLines;
  final List<String> fragments;
  final boolean noLog;
  final boolean debug;
  final boolean trace;
  final Duration lameDuckDuration;
  final Duration lameDuckGracePeriod;
  final String clusterName;
  final List<Integer> routePorts;

  private ServerConfig(Builder b) {
    jetStream = b.jetStream;
    serverName = b.serverName;
    users = List.copyOf(b.users);
    token = b.token;
    nkeyUsers = List.copyOf(b.nkeyUsers);
    operator = b.operator;
    certificates = b.certificates;
    verifyClientCertificates = b.verifyClientCertificates;
    tlsHandshakeFirst = b.tlsHandshakeFirst;
    maxPayload = b.maxPayload;
    websocket = b.websocket;
    websocketCompression = b.websocketCompression;
    websocketCertificates = b.websocketCertificates;
    websocketVerifyClientCertificates = b.websocketVerifyClientCertificates;
    websocketJwtCookie = b.websocketJwtCookie;
    clientsOverWebSocket = b.clientsOverWebSocket;
    websocketLines = List.copyOf(b.websocketLines);
    fragments = List.copyOf(b.fragments);
    noLog = b.noLog;
    debug = b.debug;
    trace = b.trace;
    lameDuckDuration = b.lameDuckDuration;
    lameDuckGracePeriod = b.lameDuckGracePeriod;
    clusterName = b.clusterName;
    routePorts = List.copyOf(b.routePorts);
  }

  /** {@return the configuration of a plain server: no JetStream, no auth, no TLS} */
  public static ServerConfig defaults() {
    return builder().build();
  }

  /** {@return a new builder starting from {@link #defaults()}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder pre-filled with this configuration} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@return whether JetStream is enabled} */
  public boolean jetStreamEnabled() {
    return jetStream;
  }

  /** {@return whether the server requires TLS} */
  public boolean tlsEnabled() {
    return certificates != null;
  }

  /** {@return the certificates the server uses, or {@code null} without TLS} */
  public TestCertificates certificates() {
    return certificates;
  }

  /** {@return whether the server expects a TLS handshake before sending INFO} */
  public boolean tlsHandshakeFirstEnabled() {
    return tlsHandshakeFirst;
  }

  /** {@return whether a websocket listener is configured} */
  public boolean websocketEnabled() {
    return websocket;
  }

  /** {@return whether the websocket listener uses TLS ({@code wss://})} */
  public boolean websocketTlsEnabled() {
    return websocket && websocketCertificates != null;
  }

  @Override
  public String toString() {
    List<String> features = new ArrayList<>();
    if (jetStream) {
      features.add("jetStream");
    }
    if (serverName != null) {
      features.add("serverName=" + serverName);
    }
    if (!users.isEmpty()) {
      features.add("users=" + users.stream().map(User::name).toList());
    }
    if (token != null) {
      features.add("token=<redacted>");
    }
    if (!nkeyUsers.isEmpty()) {
      features.add("nkeyUsers=" + nkeyUsers.stream().map(NkeyUser::publicKey).toList());
    }
    if (operator != null) {
      features.add("operator(accounts=" + operator.accountJwts().keySet() + ")");
    }
    if (certificates != null) {
      features.add(
          "tls"
              + (verifyClientCertificates ? "+verify" : "")
              + (tlsHandshakeFirst ? "+handshakeFirst" : ""));
    }
    if (maxPayload > 0) {
      features.add("maxPayload=" + maxPayload);
    }
    if (websocket) {
      features.add(
          "websocket"
              + (websocketCertificates != null ? "+tls" : "")
              + (websocketVerifyClientCertificates ? "+verify" : "")
              + (websocketCompression ? "+compression" : "")
              + (websocketJwtCookie != null ? "+jwtCookie" : "")
              + (clientsOverWebSocket ? "+clientUrl" : ""));
    }
    if (clusterName != null) {
      features.add("cluster=" + clusterName);
    }
    if (!fragments.isEmpty()) {
      features.add(fragments.size() + " config fragment(s)");
    }
    return "ServerConfig" + features;
  }

  /**
   * Builds a {@link ServerConfig}. Not thread-safe; each setter returns {@code this}. Combinations
   * the server rejects (a token together with users, operator mode together with users) fail in
   * {@link #build()} with an {@link IllegalStateException}.
   */
  public static final class Builder {
    private boolean jetStream;
    private String serverName;
    private final List<User> users = new ArrayList<>();
    private String token;
    private final List<NkeyUser> nkeyUsers = new ArrayList<>();
    private Operator operator;
    private TestCertificates certificates;
    private boolean verifyClientCertificates;
    private boolean tlsHandshakeFirst;
    private int maxPayload;
    private boolean websocket;
    private boolean websocketCompression;
    private TestCertificates websocketCertificates;
    private boolean websocketVerifyClientCertificates;
    private String websocketJwtCookie;
    private boolean clientsOverWebSocket;
    private final List<String> websocketLines = new ArrayList<>();
    private final List<String> fragments = new ArrayList<>();
    private boolean noLog;
    private boolean debug;
    private boolean trace;
    private Duration lameDuckDuration;
    private Duration lameDuckGracePeriod;
    private String clusterName;
    private final List<Integer> routePorts = new ArrayList<>();

    private Builder() {}

    private Builder(ServerConfig c) {
      jetStream = c.jetStream;
      serverName = c.serverName;
      users.addAll(c.users);
      token = c.token;
      nkeyUsers.addAll(c.nkeyUsers);
      operator = c.operator;
      certificates = c.certificates;
      verifyClientCertificates = c.verifyClientCertificates;
      tlsHandshakeFirst = c.tlsHandshakeFirst;
      maxPayload = c.maxPayload;
      websocket = c.websocket;
      websocketCompression = c.websocketCompression;
      websocketCertificates = c.websocketCertificates;
      websocketVerifyClientCertificates = c.websocketVerifyClientCertificates;
      websocketJwtCookie = c.websocketJwtCookie;
      clientsOverWebSocket = c.clientsOverWebSocket;
      websocketLines.addAll(c.websocketLines);
      fragments.addAll(c.fragments);
      noLog = c.noLog;
      debug = c.debug;
      trace = c.trace;
      lameDuckDuration = c.lameDuckDuration;
      lameDuckGracePeriod = c.lameDuckGracePeriod;
      clusterName = c.clusterName;
      routePorts.addAll(c.routePorts);
    }

    /**
     * Enables JetStream with its store in a temporary directory kept across restarts.
     *
     * @return this builder
     */
    public Builder jetStream() {
      jetStream = true;
      return this;
    }

    /**
     * Sets {@code server_name} (required to be unique per node in a cluster).
     *
     * @param name the server name
     * @return this builder
     */
    public Builder serverName(String name) {
      serverName = requireText(name, "server name");
      return this;
    }

    /**
     * Adds a user with a password and no permission limits.
     *
     * @param name the user name
     * @param password the user's password
     * @return this builder
     */
    public Builder user(String name, String password) {
      return user(name, password, null);
    }

    /**
     * Adds a user with a password and the given permissions ({@code null}: none).
     *
     * @param name the user name
     * @param password the user's password
     * @param permissions what the user may publish and subscribe to, or {@code null} for no limits
     * @return this builder
     */
    public Builder user(String name, String password, Permissions permissions) {
      users.add(
          new User(
              requireText(name, "user name"),
              Objects.requireNonNull(password, "password"),
              permissions));
      return this;
    }

    /**
     * Requires clients to present {@code token} ({@code authorization { token }}).
     *
     * @param token the token clients must present
     * @return this builder
     */
    public Builder token(String token) {
      this.token = requireText(token, "token");
      return this;
    }

    /**
     * Adds an nkey user ({@code authorization { users = [{nkey: U...}] }}).
     *
     * @param userPublicKey the user's encoded public nkey ({@code U...})
     * @return this builder
     */
    public Builder nkeyUser(String userPublicKey) {
      return nkeyUser(userPublicKey, null);
    }

    /**
     * Adds an nkey user with the given permissions ({@code null}: none).
     *
     * @param userPublicKey the user's encoded public nkey ({@code U...})
     * @param permissions what the user may publish and subscribe to, or {@code null} for no limits
     * @return this builder
     */
    public Builder nkeyUser(String userPublicKey, Permissions permissions) {
      String key = requireText(userPublicKey, "nkey user public key");
      if (!key.startsWith("U")) {
        throw new IllegalArgumentException("an nkey user public key starts with 'U'");
      }
      nkeyUsers.add(new NkeyUser(key, permissions));
      return this;
    }

    /**
     * Runs the server in operator (decentralized JWT) mode with the in-memory account resolver.
     *
     * @param operatorJwt the operator JWT
     * @param systemAccountPublicKey the system account's public key ({@code A...}); its JWT should
     *     be among the preloaded accounts
     * @param accountJwtsByPublicKey account JWTs preloaded into the resolver, by public key
     * @return this builder
     */
    public Builder operator(
        String operatorJwt,
        String systemAccountPublicKey,
        Map<String, String> accountJwtsByPublicKey) {
      operator =
          new Operator(
              requireText(operatorJwt, "operator JWT"),
              requireText(systemAccountPublicKey, "system account public key"),
              Map.copyOf(new LinkedHashMap<>(accountJwtsByPublicKey)));
      return this;
    }

    /**
     * Requires TLS on the client port, with the server certificate and CA of {@code certs}.
     *
     * @param certs the certificates the server presents and trusts
     * @return this builder
     */
    public Builder tls(TestCertificates certs) {
      certificates = Objects.requireNonNull(certs, "certificates");
      return this;
    }

    /**
     * Requires clients to present a certificate signed by the CA (mutual TLS). Needs tls().
     *
     * @return this builder
     */
    public Builder verifyClientCertificates() {
      verifyClientCertificates = true;
      return this;
    }

    /**
     * Expects the TLS handshake before INFO ({@code handshake_first}). Needs tls().
     *
     * @return this builder
     */
    public Builder tlsHandshakeFirst() {
      tlsHandshakeFirst = true;
      return this;
    }

    /**
     * Sets {@code max_payload} in bytes.
     *
     * @param bytes the largest payload the server accepts
     * @return this builder
     */
    public Builder maxPayload(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("max payload must be positive, was " + bytes);
      }
      maxPayload = bytes;
      return this;
    }

    /**
     * Adds a plain (no TLS) websocket listener on a free port; see {@link
     * NatsServer#websocketPort()}.
     *
     * @return this builder
     */
    public Builder websocket() {
      websocket = true;
      return this;
    }

    /**
     * Adds a websocket listener (as {@link #websocket()}) that offers per-message compression
     * ({@code compression: true}).
     *
     * @return this builder
     */
    public Builder websocketCompression() {
      websocket = true;
      websocketCompression = true;
      return this;
    }

    /**
     * Adds a websocket listener (as {@link #websocket()}) with TLS: {@code wss://}, certificates
     * from {@code certs}, independent of the client port's {@link #tls(TestCertificates)}.
     *
     * @param certs the server certificate, key and CA
     * @return this builder
     */
    public Builder websocketTls(TestCertificates certs) {
      websocket = true;
      websocketCertificates = certs;
      return this;
    }

    /**
     * Requires websocket clients to present a certificate signed by the CA (mutual TLS). Needs
     * {@link #websocketTls(TestCertificates)}.
     *
     * @return this builder
     */
    public Builder websocketVerifyClientCertificates() {
      websocketVerifyClientCertificates = true;
      return this;
    }

    /**
     * Adds a line verbatim inside the {@code websocket {}} block (e.g. {@code token_cookie: "t"},
     * {@code same_origin: true}) and the listener itself (as {@link #websocket()}).
     *
     * @param line configuration text in the server's format
     * @return this builder
     */
    public Builder websocketOption(String line) {
      websocket = true;
      websocketLines.add(requireText(line, "websocket option"));
      return this;
    }

    /**
     * Adds a websocket listener (as {@link #websocket()}) and makes {@link NatsServer#clientUrl()}
     * its URL: tests written against {@code clientUrl()} run over WebSocket.
     *
     * @return this builder
     */
    public Builder clientsOverWebSocket() {
      websocket = true;
      clientsOverWebSocket = true;
      return this;
    }

    /**
     * Makes the websocket listener read the user JWT from this cookie ({@code jwt_cookie}) when
     * CONNECT carries none; operator mode only.
     *
     * @param cookieName the cookie name
     * @return this builder
     */
    public Builder websocketJwtCookie(String cookieName) {
      websocket = true;
      websocketJwtCookie = requireText(cookieName, "jwt cookie name");
      return this;
    }

    /**
     * Appends {@code text} verbatim to the generated configuration file.
     *
     * @param text configuration text in the server's format
     * @return this builder
     */
    public Builder configFragment(String text) {
      fragments.add(Objects.requireNonNull(text, "config fragment"));
      return this;
    }

    /**
     * Discards the server's output instead of keeping it for {@link NatsServer#log()}.
     *
     * @return this builder
     */
    public Builder noLog() {
      noLog = true;
      return this;
    }

    /**
     * Turns on {@code debug} logging.
     *
     * @return this builder
     */
    public Builder debug() {
      debug = true;
      return this;
    }

    /**
     * Turns on {@code trace} logging (every protocol line).
     *
     * @return this builder
     */
    public Builder trace() {
      trace = true;
      return this;
    }

    /**
     * Sets {@code lame_duck_duration} (the server's minimum is 30 s) and {@code
     * lame_duck_grace_period}; by default the server waits 10 s before it starts closing clients
     * and spreads the closing over 2 minutes.
     *
     * @param duration {@code lame_duck_duration}, at least 30 s
     * @param gracePeriod {@code lame_duck_grace_period}
     * @return this builder
     * @throws IllegalArgumentException if the duration is under 30 s or not above the grace period
     */
    public Builder lameDuck(Duration duration, Duration gracePeriod) {
      if (duration.compareTo(Duration.ofSeconds(30)) < 0) {
        throw new IllegalArgumentException(
            "nats-server needs a lame duck duration of at least 30s");
      }
      if (gracePeriod.isNegative() || duration.compareTo(gracePeriod) <= 0) {
        throw new IllegalArgumentException("lame duck duration must exceed the grace period");
      }
      lameDuckDuration = duration;
      lameDuckGracePeriod = gracePeriod;
      return this;
    }

    Builder cluster(String name, List<Integer> routes) {
      clusterName = name;
      routePorts.clear();
      routePorts.addAll(routes);
      return this;
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration
     * @throws IllegalStateException if the settings contradict each other
     */
    public ServerConfig build() {
      if (token != null && (!users.isEmpty() || !nkeyUsers.isEmpty())) {
        throw new IllegalStateException("the server cannot combine a token with users");
      }
      if (operator != null && (token != null || !users.isEmpty() || !nkeyUsers.isEmpty())) {
        throw new IllegalStateException("operator mode cannot be combined with users or a token");
      }
      if (certificates == null && (verifyClientCertificates || tlsHandshakeFirst)) {
        throw new IllegalStateException(
            "verifyClientCertificates() and tlsHandshakeFirst() need tls(certificates)");
      }
      if (websocketCertificates == null && websocketVerifyClientCertificates) {
        throw new IllegalStateException(
            "websocketVerifyClientCertificates() needs websocketTls(certificates)");
      }
      if (websocketJwtCookie != null && operator == null) {
        throw new IllegalStateException("websocketJwtCookie() needs operator mode");
      }
      return new ServerConfig(this);
    }

    private static String requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      return value;
    }
  }
}

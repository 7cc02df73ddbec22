package io.nats4j.client;

import io.nats4j.client.internal.address.ServerAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Everything a connection is configured with, validated once by {@link Builder#build()}.
 *
 * <p>Thread-safety: immutable; one {@code Options} may create any number of connections. It holds
 * no threads, sockets or files: a callback executor, if given, is owned by the caller.
 *
 * <pre>{@code
 * Options options = Options.builder()
 *     .server("nats://a.example.com:4222")
 *     .server("nats://b.example.com:4222")
 *     .name("billing")
 *     .connectTimeout(Duration.ofSeconds(5))
 *     .connectionListener(event -> log.info("nats: {}", event))
 *     .build();
 * Connection connection = Nats.connect(options);
 * }</pre>
 */
public final class Options {
  private final List<String> servers;
  private final String name;
  private final boolean noEcho;
  private final Duration connectTimeout;
  private final Duration pingInterval;
  private final int maxPingsOut;
  private final String inboxPrefix;
  private final long pendingMessageLimit;
  private final long pendingByteLimit;
  private final int maxControlLine;
  private final Dialer dialer;
  private final Executor callbackExecutor;
  private final ConnectionListener connectionListener;
  private final ErrorListener errorListener;
  private final MessageObserver observer;
  private final ReconnectOptions reconnect;
  private final int maxOutboundBytes;
  private final Duration publishBlockTimeout;
  private final TlsOptions tls;
  private final WebSocketOptions webSocket;
  private final Credentials credentials;
  private final Supplier<Credentials> credentialsSupplier;
  private final ThreadOptions threads;
  private final Duration leaveLameDuckServer;

  private Options(Builder b) {
    this.servers = List.copyOf(b.servers);
    this.name = b.name;
    this.noEcho = b.noEcho;
    this.connectTimeout = b.connectTimeout;
    this.pingInterval = b.pingInterval;
    this.maxPingsOut = b.maxPingsOut;
    this.inboxPrefix = b.inboxPrefix;
    this.pendingMessageLimit = b.pendingMessageLimit;
    this.pendingByteLimit = b.pendingByteLimit;
    this.maxControlLine = b.maxControlLine;
    this.dialer = b.dialer;
    this.callbackExecutor = b.callbackExecutor;
    this.connectionListener = b.connectionListener;
    this.errorListener = b.errorListener;
    this.observer = b.observer;
    this.reconnect = b.reconnect;
    this.maxOutboundBytes = b.maxOutboundBytes;
    this.publishBlockTimeout = b.publishBlockTimeout;
    this.tls = b.tls;
    this.webSocket = b.webSocket;
    this.credentials = b.credentials;
    this.credentialsSupplier = b.credentialsSupplier;
    this.threads = b.threads;
    this.leaveLameDuckServer = b.leaveLameDuckServer;
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder with this object's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.servers.addAll(servers);
    b.name = name;
    b.noEcho = noEcho;
    b.connectTimeout = connectTimeout;
    b.pingInterval = pingInterval;
    b.maxPingsOut = maxPingsOut;
    b.inboxPrefix = inboxPrefix;
    b.pendingMessageLimit = pendingMessageLimit;
    b.pendingByteLimit = pendingByteLimit;
    b.maxControlLine = maxControlLine;
    b.dialer = dialer;
    b.callbackExecutor = callbackExecutor;
    b.connectionListener = connectionListener;
    b.errorListener = errorListener;
    b.observer = observer;
    b.reconnect = reconnect;
    b.maxOutboundBytes = maxOutboundBytes;
    b.publishBlockTimeout = publishBlockTimeout;
    b.tls = tls;
    b.webSocket = webSocket;
    b.credentials = credentials;
    b.credentialsSupplier = credentialsSupplier;
    b.threads = threads;
    b.leaveLameDuckServer = leaveLameDuckServer;
    return b;
  }

  /**
   * Returns where the connection's threads come from.
   *
   * @return the thread options
   */
  public ThreadOptions threads() {
    return threads;
  }

  /**
   * Returns the window within which the connection moves to another server after its server entered
   * lame-duck mode.
   *
   * @return the window, or null to stay (the default)
   */
  public Duration leaveLameDuckServer() {
    return leaveLameDuckServer;
  }

  /**
   * Returns the server URLs as given (credentials included: do not log them).
   *
   * @return the seed server URLs, at least one
   */
  public List<String> servers() {
    return servers;
  }

  /**
   * Returns the connection name shown by the server.
   *
   * @return the name, or null
   */
  public String name() {
    return name;
  }

  /**
   * Tells whether this connection's own publishes are withheld from its subscriptions.
   *
   * @return true for no-echo
   */
  public boolean noEcho() {
    return noEcho;
  }

  /**
   * Returns how long a connect (dial plus handshake) may take.
   *
   * @return the connect timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Returns the keep-alive ping interval.
   *
   * @return the interval between client PINGs
   */
  public Duration pingInterval() {
    return pingInterval;
  }

  /**
   * Returns how many PINGs may stay unanswered before the connection is stale.
   *
   * @return the maximum outstanding pings
   */
  public int maxPingsOut() {
    return maxPingsOut;
  }

  /**
   * Returns the inbox prefix.
   *
   * @return the prefix of {@link Connection#createInbox()} and of request reply subjects
   */
  public String inboxPrefix() {
    return inboxPrefix;
  }

  /**
   * Returns the default pending message limit of new subscriptions.
   *
   * @return messages; 0 or less means unlimited
   */
  public long pendingMessageLimit() {
    return pendingMessageLimit;
  }

  /**
   * Returns the default pending byte limit of new subscriptions.
   *
   * @return bytes; 0 or less means unlimited
   */
  public long pendingByteLimit() {
    return pendingByteLimit;
  }

  /**
   * Returns the longest control line accepted from the server.
   *
   * @return bytes
   */
  public int maxControlLine() {
    return maxControlLine;
  }

  /**
   * Returns the socket dialer.
   *
   * @return the dialer
   */
  public Dialer dialer() {
    return dialer;
  }

  /**
   * Returns the executor for listener callbacks.
   *
   * @return the executor, or null for a library thread per connection
   */
  public Executor callbackExecutor() {
    return callbackExecutor;
  }

  /**
   * Returns the connection listener.
   *
   * @return the listener, or null
   */
  public ConnectionListener connectionListener() {
    return connectionListener;
  }

  /**
   * Returns the error listener.
   *
   * @return the listener, or null (errors are then logged)
   */
  public ErrorListener errorListener() {
    return errorListener;
  }

  /**
   * Returns the message observer.
   *
   * @return the observer, or null (none: the default)
   */
  public MessageObserver observer() {
    return observer;
  }

  /**
   * Returns the reconnect options.
   *
   * @return the reconnect options
   */
  public ReconnectOptions reconnect() {
    return reconnect;
  }

  /**
   * Returns the bound of the outbound buffer while connected.
   *
   * @return bytes that may wait for the writer before publishers block
   */
  public int maxOutboundBytes() {
    return maxOutboundBytes;
  }

  /**
   * Returns how long a publisher blocks on a full outbound buffer.
   *
   * @return the wait before {@link BufferFullException}; zero fails at once
   */
  public Duration publishBlockTimeout() {
    return publishBlockTimeout;
  }

  /**
   * Returns the TLS options.
   *
   * @return the TLS options, or null: then TLS is used only for {@code tls://} URLs or servers that
   *     require it, with the JDK's default trust
   */
  public TlsOptions tls() {
    return tls;
  }

  /**
   * Returns how {@code ws://} and {@code wss://} servers are reached.
   *
   * @return the WebSocket options, never null
   */
  public WebSocketOptions webSocket() {
    return webSocket;
  }

  /**
   * Returns the fixed credentials.
   *
   * @return the credentials, or null
   */
  public Credentials credentials() {
    return credentials;
  }

  /**
   * Returns the credentials supplier, called on every connect attempt.
   *
   * @return the supplier, or null
   */
  public Supplier<Credentials> credentialsSupplier() {
    return credentialsSupplier;
  }

  /** Shows the servers without credentials. */
  @Override
  public String toString() {
    return "Options[servers="
        + servers.stream().map(ServerAddress::redact).toList()
        + ", name="
        + name
        + ", noEcho="
        + noEcho
        + ", connectTimeout="
        + connectTimeout
        + ", pingInterval="
        + pingInterval
        + ", maxPingsOut="
        + maxPingsOut
        + ", reconnect="
        + reconnect
        + ", tls="
        + tls
        + ", webSocket="
        + webSocket
        + ", credentials="
        + (credentialsSupplier != null ? "<supplier>" : credentials)
        + ", threads="
        + threads
        + (leaveLameDuckServer != null ? ", leaveLameDuckServer=" + leaveLameDuckServer : "")
        + "]";
  }

  /**
   * Builds {@link Options}. Setters store values; {@link #build()} validates them all and names the
   * first bad field.
   *
   * <p>Thread-safety: not thread-safe.
   */
  public static final class Builder {
    private final List<String> servers = new ArrayList<>();
    private String name;
    private boolean noEcho;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration pingInterval = Duration.ofMinutes(2);
    private int maxPingsOut = 2;
    private String inboxPrefix = "_INBOX";
    private long pendingMessageLimit = 512 * 1024;
    private long pendingByteLimit = 64L * 1024 * 1024;
    private int maxControlLine = 4096;
    private Dialer dialer = Dialer.defaultDialer();
    private Executor callbackExecutor;
    private ConnectionListener connectionListener;
    private ErrorListener errorListener;
    private MessageObserver observer;
    private ReconnectOptions reconnect = ReconnectOptions.defaults();
    private int maxOutboundBytes = 4 * 1024 * 1024;
    private Duration publishBlockTimeout = Duration.ofSeconds(5);
    private TlsOptions tls;
    private WebSocketOptions webSocket = WebSocketOptions.defaults();
    private Credentials credentials;
    private Supplier<Credentials> credentialsSupplier;
    private ThreadOptions threads = ThreadOptions.defaults();
    private Duration leaveLameDuckServer;

    private Builder() {}

    /**
     * Uses TLS with these options for every server (hostname verification on unless the options say
     * otherwise).
     *
     * @param tls the TLS options
     * @return this builder
     */
    public Builder tls(TlsOptions tls) {
      this.tls = tls;
      return this;
    }

    /**
     * Sets how {@code ws://} and {@code wss://} servers are reached (HTTP path, extra upgrade
     * headers, compression, cookie-JWT); default {@link WebSocketOptions#defaults()}.
     *
     * @param webSocket the WebSocket options
     * @return this builder
     */
    public Builder webSocket(WebSocketOptions webSocket) {
      this.webSocket = webSocket;
      return this;
    }

    /**
     * Authenticates with these credentials (they win over credentials in a URL).
     *
     * @param credentials the credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = credentials;
      return this;
    }

    /**
     * Asks this supplier for credentials on every connect attempt, so rotated credentials are
     * picked up (wins over {@link #credentials} and URL credentials).
     *
     * @param supplier returns the credentials to use now
     * @return this builder
     */
    public Builder credentialsSupplier(Supplier<Credentials> supplier) {
      this.credentialsSupplier = supplier;
      return this;
    }

    /**
     * Adds server URLs: one URL or several separated by commas ({@code nats://}, {@code tls://}, or
     * {@code host:port}; credentials as {@code user:pass@} or {@code token@}).
     *
     * @param urls one or more URLs
     * @return this builder
     */
    public Builder server(String urls) {
      for (String url : Objects.requireNonNull(urls, "urls").split(",")) {
        if (!url.isBlank()) {
          servers.add(url.trim());
        }
      }
      return this;
    }

    /**
     * Adds server URLs.
     *
     * @param urls the URLs
     * @return this builder
     */
    public Builder servers(List<String> urls) {
      urls.forEach(this::server);
      return this;
    }

    /**
     * Sets the connection name the server shows in its monitoring.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Withholds this connection's own publishes from its subscriptions.
     *
     * @return this builder
     */
    public Builder noEcho() {
      this.noEcho = true;
      return this;
    }

    /**
     * Sets how long a connect (dial plus handshake) may take; default 2 s.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * Sets the keep-alive ping interval; default 2 min.
     *
     * @param interval positive
     * @return this builder
     */
    public Builder pingInterval(Duration interval) {
      this.pingInterval = interval;
      return this;
    }

    /**
     * Sets how many PINGs may go unanswered before the connection is stale; default 2.
     *
     * @param maxPingsOut at least 1
     * @return this builder
     */
    public Builder maxPingsOut(int maxPingsOut) {
      this.maxPingsOut = maxPingsOut;
      return this;
    }

    /**
     * Sets the inbox prefix; default {@code _INBOX}.
     *
     * @param prefix a valid subject without wildcards
     * @return this builder
     */
    public Builder inboxPrefix(String prefix) {
      this.inboxPrefix = prefix;
      return this;
    }

    /**
     * Sets the default pending limits of new subscriptions; default 524,288 messages and 64 MiB.
     *
     * @param maxMessages messages, 0 or less for unlimited
     * @param maxBytes bytes, 0 or less for unlimited
     * @return this builder
     */
    public Builder pendingLimits(long maxMessages, long maxBytes) {
      this.pendingMessageLimit = maxMessages;
      this.pendingByteLimit = maxBytes;
      return this;
    }

    /**
     * Sets the server's {@code max_control_line}; default 4096, the server's default. Control lines
     * from the server are accepted up to this length, except {@code INFO} (up to 1 MiB: it lists
     * the cluster) and {@code MSG}/{@code HMSG}, which may be 16 times longer: the server limits
     * the arguments of what clients publish, and what it delivers adds the sid and may carry
     * subjects it rewrote.
     *
     * @param bytes at least 256
     * @return this builder
     */
    public Builder maxControlLine(int bytes) {
      this.maxControlLine = bytes;
      return this;
    }

    /**
     * Sets the socket dialer; default {@link Dialer#defaultDialer()}.
     *
     * @param dialer the dialer
     * @return this builder
     */
    public Builder dialer(Dialer dialer) {
      this.dialer = dialer;
      return this;
    }

    /**
     * Runs listener callbacks on this executor (one at a time, in order) instead of a library
     * thread. The caller owns and shuts down the executor. It must hand tasks to another thread
     * (not run them inline), or callbacks would run on the socket reader.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = executor;
      return this;
    }

    /**
     * Sets the connection listener.
     *
     * @param listener receives {@link ConnectionEvent}s
     * @return this builder
     */
    public Builder connectionListener(ConnectionListener listener) {
      this.connectionListener = listener;
      return this;
    }

    /**
     * Sets the error listener.
     *
     * @param listener receives {@link AsyncError}s
     * @return this builder
     */
    public Builder errorListener(ErrorListener listener) {
      this.errorListener = listener;
      return this;
    }

    /**
     * Installs a message observer (tracing, metrics): it sees every publish, request, handler call
     * and, with the JetStream module, every JetStream publish, consume handler call and fetch. See
     * {@link MessageObserver} for where it runs. Combine several with {@link MessageObserver#all}.
     * Default: none, at no cost.
     *
     * @param observer the observer, or null for none
     * @return this builder
     */
    public Builder observer(MessageObserver observer) {
      this.observer = observer;
      return this;
    }

    /**
     * Sets the reconnect options; default {@link ReconnectOptions#defaults()}.
     *
     * @param reconnect the reconnect options
     * @return this builder
     */
    public Builder reconnect(ReconnectOptions reconnect) {
      this.reconnect = reconnect;
      return this;
    }

    /**
     * Bounds the bytes waiting for the writer thread; default 4 MiB. A single message larger than
     * this is still accepted when the buffer is empty.
     *
     * @param bytes at least 64 KiB
     * @return this builder
     */
    public Builder maxOutboundBytes(int bytes) {
      this.maxOutboundBytes = bytes;
      return this;
    }

    /**
     * Sets how long a publisher waits for room in a full outbound buffer before {@link
     * BufferFullException}; default 5 s.
     *
     * @param timeout zero or positive
     * @return this builder
     */
    public Builder publishBlockTimeout(Duration timeout) {
      this.publishBlockTimeout = timeout;
      return this;
    }

    /**
     * Sets where the connection's threads come from (platform, virtual or a factory of yours) and
     * whether dispatchers run on an executor of yours; default {@link ThreadOptions#defaults()}.
     *
     * @param threads the thread options
     * @return this builder
     */
    public Builder threads(ThreadOptions threads) {
      this.threads = threads;
      return this;
    }

    /**
     * Moves to another server of the pool when the current one enters lame-duck mode, after a
     * random delay within {@code window}; default null: stay. Staying, the connection reports
     * {@link ConnectionEvent.LameDuck} and keeps working until the server closes it (then it
     * reconnects as after any loss), and the application decides whether to move earlier ({@link
     * Connection#forceReconnect()}). Moving, the random delay spreads the server's clients out
     * instead of reconnecting them all at once. A server closes its clients after its {@code
     * lame_duck_grace_period} (default 10 s), spread over its {@code lame_duck_duration} (default 2
     * min): a window up to the grace period moves each client before it is closed. With no other
     * server in the pool the connection stays.
     *
     * @param window positive, or null to stay
     * @return this builder
     */
    public Builder leaveLameDuckServer(Duration window) {
      this.leaveLameDuckServer = window;
      return this;
    }

    /**
     * Validates every field and builds.
     *
     * @return the options
     * @throws IllegalArgumentException naming the first invalid field
     */
    public Options build() {
      if (servers.isEmpty()) {
        servers.add("nats://127.0.0.1:4222");
      }
      List<ServerAddress> parsed = servers.stream().map(ServerAddress::parse).toList();
      if (parsed.stream().map(ServerAddress::webSocket).distinct().count() > 1) {
        throw new IllegalArgumentException(
            "servers mixes ws:// or wss:// URLs with nats:// or tls:// ones: a connection uses"
                + " either WebSocket or plain TCP for all its servers");
      }
      Objects.requireNonNull(webSocket, "webSocket");
      requirePositive(connectTimeout, "connectTimeout");
      requirePositive(pingInterval, "pingInterval");
      if (maxPingsOut < 1) {
        throw new IllegalArgumentException("maxPingsOut must be at least 1");
      }
      if (inboxPrefix == null
          || inboxPrefix.isEmpty()
          || inboxPrefix.contains("*")
          || inboxPrefix.contains(">")
          || inboxPrefix.endsWith(".")
          || inboxPrefix.chars().anyMatch(c -> c <= ' ' || c == 127)) {
        throw new IllegalArgumentException(
            "inboxPrefix must be a subject without wildcards or whitespace: " + inboxPrefix);
      }
      if (maxControlLine < 256) {
        throw new IllegalArgumentException("maxControlLine must be at least 256");
      }
      Objects.requireNonNull(dialer, "dialer");
      Objects.requireNonNull(reconnect, "reconnect");
      if (maxOutboundBytes < 64 * 1024) {
        throw new IllegalArgumentException("maxOutboundBytes must be at least 65536");
      }
      if (publishBlockTimeout == null || publishBlockTimeout.isNegative()) {
        throw new IllegalArgumentException("publishBlockTimeout must be zero or positive");
      }
      if (leaveLameDuckServer != null) {
        requirePositive(leaveLameDuckServer, "leaveLameDuckServer");
      }
      Objects.requireNonNull(threads, "threads");
      return new Options(this);
    }

    private static void requirePositive(Duration d, String field) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(field + " must be positive, was " + d);
      }
    }
  }
}

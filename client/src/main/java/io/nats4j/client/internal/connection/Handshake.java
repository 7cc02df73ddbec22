package io.nats4j.client.internal.connection;

import io.nats4j.client.AuthenticationException;
import io.nats4j.client.Credentials;
import io.nats4j.client.NatsException;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.Options;
import io.nats4j.client.ServerInfo;
import io.nats4j.client.internal.address.ServerAddress;
import io.nats4j.client.internal.auth.AuthFields;
import io.nats4j.client.internal.auth.Authenticator;
import io.nats4j.client.internal.protocol.ConnectRequest;
import io.nats4j.client.internal.protocol.Err;
import io.nats4j.client.internal.protocol.GrowableBuffer;
import io.nats4j.client.internal.protocol.Info;
import io.nats4j.client.internal.protocol.Pong;
import io.nats4j.client.internal.protocol.ProtocolParser;
import io.nats4j.client.internal.protocol.ProtocolWriter;
import io.nats4j.client.internal.protocol.ServerOp;
import io.nats4j.client.internal.threads.ConnectionScheduler;
import io.nats4j.client.internal.transport.Transport;
import io.nats4j.client.internal.transport.Wire;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The synchronous start of every connection, run on the connecting thread before any library thread
 * exists: INFO → CONNECT + PING → PONG (or {@code -ERR}).
 *
 * <p>Thread-safety: one instance per attempt, confined to the connecting thread.
 */
final class Handshake {

  /**
   * What the handshake produced.
   *
   * @param info the server's INFO
   * @param leftover ops that arrived after the PONG, for the reader to process first
   */
  record Result(Transport transport, ServerInfo info, List<ServerOp> leftover) {}

  private Transport transport;
  private final ProtocolParser parser;
  private final long deadline;
  private final Watchdog watchdog;
  private String phase = "INFO";
  private final byte[] buffer = new byte[16 * 1024];
  private final List<ServerOp> ops = new ArrayList<>();

  private Handshake(Transport transport, ProtocolParser parser, long deadline) {
    this.transport = transport;
    this.parser = parser;
    this.deadline = deadline;
    this.watchdog = new Watchdog(transport.socket());
  }

  /**
   * Runs the handshake.
   *
   * @param transport the connected transport
   * @param address the server address
   * @param options the options
   * @param credentials what to authenticate with this attempt (see {@link #credentials}), or null
   * @param parser the parser the reader will continue with
   * @param deadline {@link System#nanoTime()} by which it must be done
   * @param scheduler the connection's scheduler, for the deadline
   * @return the result
   * @throws IOException if the socket fails
   * @throws AuthenticationException if the server refused the credentials
   * @throws NatsTimeoutException if the deadline passed
   */
  static Result run(
      Transport transport,
      ServerAddress address,
      Options options,
      Credentials credentials,
      ProtocolParser parser,
      long deadline,
      ConnectionScheduler scheduler)
      throws IOException {
    Handshake handshake = new Handshake(transport, parser, deadline);
    // A watchdog instead of SO_TIMEOUT: one timed read would switch the JDK socket to
    // non-blocking mode for good, costing a poll() and an extra read() per read afterwards.
    ConnectionScheduler.Timer timer =
        scheduler.scheduleNanos(deadline - System.nanoTime(), handshake.watchdog::expire);
    try {
      Result result = handshake.run(address, options, credentials);
      timer.cancel();
      if (!handshake.watchdog.finish()) {
        throw timeout(handshake.phase);
      }
      return result;
    } catch (IOException e) {
      timer.cancel();
      if (!handshake.watchdog.finish()) {
        throw timeout(handshake.phase);
      }
      throw e;
    }
  }

  /**
   * Closes the socket at the deadline unless the handshake finished first. The scheduled task holds
   * only this small object, which lets go of the socket when the handshake finishes: a fast
   * reconnect loop must not keep every handshake (and its 16 KiB buffer) reachable until its
   * deadline passes.
   */
  private static final class Watchdog {
    private java.net.Socket socket; // guarded by this; null once finished
    private boolean expired; // guarded by this

    Watchdog(java.net.Socket socket) {
      this.socket = socket;
    }

    synchronized void expire() {
      if (socket != null) {
        expired = true;
        try {
          socket.close();
        } catch (IOException ignored) {
          // the handshake fails with a timeout either way
        }
        socket = null;
      }
    }

    /** Ends the watchdog; false if it fired first (the socket is closed). */
    synchronized boolean finish() {
      socket = null;
      return !expired;
    }
  }

  private Result run(ServerAddress address, Options options, Credentials credentials)
      throws IOException {
    Wire wire = Wire.of(address);
    phase = "the end of the TLS or WebSocket handshake";
    transport =
        wire.beforeInfo(transport, address, options, () -> Authenticator.jwtOf(credentials));
    Info info = (Info) readUntil(Info.class, "INFO");
    parser.maxPayloadBound(ProtocolParser.payloadBoundFor(info.info().maxPayload()));
    phase = "the end of the TLS handshake";
    transport = wire.afterInfo(transport, address, options, info.info());
    ConnectRequest request =
        connectRequest(
            credentials, options, info.nonce(), transport.secure(), wire.jwtInConnect(options));
    GrowableBuffer out = new GrowableBuffer(512);
    ProtocolWriter.connect(out, request);
    ProtocolWriter.ping(out);
    transport.out().write(out.array(), 0, out.length());
    transport.out().flush();
    readUntil(Pong.class, "PONG");
    return new Result(transport, info.info(), new ArrayList<>(ops));
  }

  /**
   * Builds CONNECT.
   *
   * @param credentials the credentials of this attempt, or null
   * @param options the options
   * @param nonce the INFO nonce or null
   * @param tls whether the connection is TLS
   * @param jwtInConnect false when the WebSocket upgrade sent the JWT as a cookie
   * @return the request (holds secrets: never log its JSON)
   */
  static ConnectRequest connectRequest(
      Credentials credentials, Options options, String nonce, boolean tls, boolean jwtInConnect) {
    AuthFields auth = Authenticator.fieldsFor(credentials, nonce);
    return new ConnectRequest(
        false,
        false,
        tls,
        options.name(),
        ClientVersion.LANG,
        ClientVersion.VERSION,
        1,
        !options.noEcho(),
        true,
        true,
        auth.user(),
        auth.pass(),
        auth.authToken(),
        auth.nkey(),
        jwtInConnect ? auth.jwt() : null,
        auth.sig());
  }

  /**
   * The credentials of one connect attempt: the supplier's (asked once per attempt), else the
   * options', else the URL's.
   */
  static Credentials credentials(ServerAddress address, Options options) {
    if (options.credentialsSupplier() != null) {
      return options.credentialsSupplier().get();
    }
    if (options.credentials() != null) {
      return options.credentials();
    }
    if (address.user() != null) {
      return Credentials.userPassword(
          address.user(),
          address.password() == null ? new char[0] : address.password().toCharArray());
    }
    if (address.token() != null) {
      return Credentials.token(address.token().toCharArray());
    }
    return null;
  }

  /** Reads until an op of {@code type} arrives; consumes it and everything before it. */
  private ServerOp readUntil(Class<? extends ServerOp> type, String what) throws IOException {
    phase = what;
    while (true) {
      for (int i = 0; i < ops.size(); i++) {
        ServerOp op = ops.get(i);
        if (op instanceof Err err) {
          throw refused(err.message());
        }
        if (type.isInstance(op)) {
          ops.subList(0, i + 1).clear();
          return op;
        }
      }
      int n = transport.in().read(buffer);
      if (n < 0) {
        throw new EOFException("the server closed the connection during the handshake");
      }
      parser.parse(buffer, 0, n, ops::add);
    }
  }

  private static NatsTimeoutException timeout(String what) {
    return new NatsTimeoutException(
        "the server did not send " + what + " within the connect timeout");
  }

  private static NatsException refused(String text) {
    if (ServerErrors.isAuthentication(text)) {
      return new AuthenticationException("the server refused the credentials: " + text);
    }
    return new NatsException("the server refused the connection: " + text);
  }
}

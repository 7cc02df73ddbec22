package io.nats4j.client.internal.connection;

import io.nats4j.client.AuthenticationException;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.Credentials;
import io.nats4j.client.Options;
import io.nats4j.client.internal.address.ServerAddress;
import io.nats4j.client.internal.auth.CredentialsCheck;
import io.nats4j.client.internal.protocol.ProtocolParser;
import io.nats4j.client.internal.reconnect.PoolEntry;
import io.nats4j.client.internal.reconnect.Reconnector;
import io.nats4j.client.internal.threads.ConnectionScheduler;
import io.nats4j.client.internal.transport.Transport;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens sessions: dials one address and runs the handshake, for the first connect and for every
 * reconnect attempt alike.
 *
 * <p>Thread-safety: {@link #open} runs on one thread at a time (the connecting caller, then the
 * reconnect thread); {@link #abort} may be called from any thread to fail an attempt in progress.
 */
final class SessionOpener {
  private static final Logger LOG = LoggerFactory.getLogger(SessionOpener.class);

  /** A transport that passed the handshake. */
  record Session(
      PoolEntry server, Transport transport, ProtocolParser parser, Handshake.Result result) {}

  private final Options options;
  private final BooleanSupplier closed;
  private final ConnectionScheduler scheduler;
  private volatile Transport connecting; // a session being opened, closed by abort() at once

  SessionOpener(Options options, BooleanSupplier closed, ConnectionScheduler scheduler) {
    this.options = options;
    this.scheduler = scheduler;
    this.closed = closed;
  }

  /** The server's words of an authentication failure, or null if {@code t} is not one. */
  static String authErrorText(Throwable t) {
    if (!(t instanceof AuthenticationException)) {
      return null;
    }
    String message = String.valueOf(t.getMessage());
    int colon = message.indexOf(": ");
    return colon < 0 ? message : message.substring(colon + 2);
  }

  /**
   * Dials one address of a pool server and runs the handshake. TLS checks the certificate against
   * the target's host name (the configured name even when dialing a resolved or discovered
   * address).
   */
  Session open(Reconnector.Target target) throws IOException {
    ServerAddress dial = target.address();
    ServerAddress named = dial.withHost(target.tlsHostname());
    long deadline = System.nanoTime() + options.connectTimeout().toNanos();
    // a creds file problem or an expired JWT fails the attempt before anything is dialed
    Credentials credentials = Handshake.credentials(dial, options);
    CredentialsCheck.beforeDial(credentials, Instant.now());
    Socket socket = options.dialer().dial(dial.host(), dial.port(), options.connectTimeout());
    Transport t = new Transport(socket);
    connecting = t;
    if (closed.getAsBoolean()) {
      t.close();
      throw new ConnectionClosedException("the connection was closed while connecting");
    }
    try {
      try {
        Transport.tune(socket);
      } catch (SocketException e) {
        LOG.debug("socket from the dialer refused an option: {}", e.toString());
      }
      ProtocolParser parser =
          new ProtocolParser(options.maxControlLine(), ProtocolParser.payloadBoundFor(0));
      Handshake.Result result =
          Handshake.run(t, named, options, credentials, parser, deadline, scheduler);
      return new Session(target.server(), result.transport(), parser, result);
    } catch (IOException | RuntimeException e) {
      t.close();
      throw e;
    } finally {
      connecting = null;
    }
  }

  /** Closes the socket of an attempt in progress: it fails now instead of at its timeout. */
  void abort() {
    Transport opening = connecting;
    if (opening != null) {
      opening.close();
    }
  }
}

package io.nats4j.client.internal.transport;

import static io.nats4j.client.internal.transport.TlsFixtures.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A one-connection TLS server on loopback for handshake unit tests: presents the fixture server
 * certificate (SAN DNS:localhost only) and, when asked, requires a client certificate from the
 * fixture CA. The real nats-server is exercised by the *IT tests.
 */
final class LocalTlsServer implements AutoCloseable {
  private final SSLServerSocket serverSocket;
  private final Thread acceptor;

  /** Completes with the client's certificate subject (or "none"), or with the handshake error. */
  final CompletableFuture<String> handshake = new CompletableFuture<>();

  /** Completes with the SNI host name the client sent, or "none". */
  final CompletableFuture<String> requestedServerName = new CompletableFuture<>();

  LocalTlsServer(boolean requireClientCertificate) throws IOException {
    SSLContext context =
        TlsContexts.create(
            file("ca.pem"),
            null,
            false,
            file("server.pem"),
            file("server-key-pkcs1.pem"),
            null,
            null,
            null);
    serverSocket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
    serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    serverSocket.setNeedClientAuth(requireClientCertificate);
    acceptor = new Thread(this::serveOne, "local-tls-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  /** A plain TCP socket connected to this server, ready for {@link TlsUpgrader}. */
  Socket connectPlain() {
    try {
      return new Socket(InetAddress.getLoopbackAddress(), port());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void serveOne() {
    try (SSLSocket socket = (SSLSocket) serverSocket.accept()) {
      socket.startHandshake();
      var names = ((ExtendedSSLSession) socket.getSession()).getRequestedServerNames();
      requestedServerName.complete(
          names.isEmpty() ? "none" : ((SNIHostName) names.get(0)).getAsciiName());
      String peer;
      try {
        peer = socket.getSession().getPeerPrincipal().getName();
      } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
        peer = "none";
      }
      socket.getOutputStream().write("OK\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      // Wait for the client to close so the OK is not lost to a reset.
      while (socket.getInputStream().read() >= 0) {
        // drain
      }
      handshake.complete(peer);
    } catch (IOException | RuntimeException e) {
      handshake.completeExceptionally(e);
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.nats4j.client.internal.transport;

import io.nats4j.client.TlsOptions;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a connected plain socket into a client-mode TLS socket with the handshake done: TLS 1.3 or
 * 1.2, the certificate verified against the trust material and, unless trust-all was chosen
 * explicitly, the host name checked as HTTPS does (RFC 2818/6125) against {@link
 * TlsOptions#serverName()} or the URL host.
 *
 * <p>Used for both orders the server supports: after INFO ({@code tls_required}) and before it
 * ({@link TlsOptions#isHandshakeFirst()}); the caller decides when. The handshake runs under the
 * socket's current read timeout ({@link Socket#setSoTimeout}), so the caller's connect timeout
 * bounds it.
 *
 * <p>Stateless and thread-safe.
 */
public final class TlsUpgrader {

  private static final Logger LOG = LoggerFactory.getLogger(TlsUpgrader.class);

  /** Newest first; anything older than TLS 1.2 is never enabled. */
  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private TlsUpgrader() {}

  /**
   * Performs the TLS handshake over {@code plain}.
   *
   * @param plain a connected socket; closed by this method if the handshake fails, and closed with
   *     the returned socket otherwise
   * @param options the TLS options
   * @param host the host of the server URL (a name or an IP literal)
   * @param port the server port
   * @return the TLS socket, handshake complete, peer verified
   * @throws IOException if the handshake fails ({@link javax.net.ssl.SSLHandshakeException} for an
   *     untrusted certificate, a host name mismatch or a refused client certificate), or on I/O
   *     error
   */
  public static SSLSocket upgrade(Socket plain, TlsOptions options, String host, int port)
      throws IOException {
    String expectedName = stripBrackets(options.serverName().orElse(host));
    if (options.isTrustAllCertificatesInsecure()) {
      LOG.warn(
          "TLS to {}:{} does NOT verify the server certificate (trustAllCertificatesInsecure):"
              + " anyone on the network path can read and change this connection",
          host,
          port);
    }
    SSLSocket socket;
    try {
      socket =
          (SSLSocket)
              sslContext(options).getSocketFactory().createSocket(plain, expectedName, port, true);
    } catch (IOException | RuntimeException e) {
      closeQuietly(plain, e);
      throw e;
    }
    try {
      socket.setUseClientMode(true);
      socket.setSSLParameters(parameters(socket, options, expectedName));
      socket.startHandshake();
      return socket;
    } catch (IOException | RuntimeException e) {
      closeQuietly(socket, e);
      throw e;
    }
  }

  /**
   * The SSL context the options stand for.
   *
   * @param options the TLS options
   * @return the context sockets are created from
   */
  public static SSLContext sslContext(TlsOptions options) {
    return options.sslContext();
  }

  private static SSLParameters parameters(
      SSLSocket socket, TlsOptions options, String expectedName) {
    SSLParameters parameters = socket.getSSLParameters();
    List<String> supported = Arrays.asList(socket.getSupportedProtocols());
    List<String> enabled = new ArrayList<>();
    for (String protocol : PROTOCOLS) {
      if (supported.contains(protocol)) {
        enabled.add(protocol);
      }
    }
    if (enabled.isEmpty()) {
      throw new IllegalStateException(
          "the SSL context supports neither TLSv1.3 nor TLSv1.2, the minimum nats4j accepts");
    }
    parameters.setProtocols(enabled.toArray(new String[0]));
    if (!options.isTrustAllCertificatesInsecure()) {
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
    }
    if (!isIpLiteral(expectedName)) {
      // The JDK sends SNI only for dotted names; "localhost" and single-label names need it too.
      try {
        parameters.setServerNames(List.of(new SNIHostName(expectedName)));
      } catch (IllegalArgumentException notAValidSniName) {
        // e.g. an underscore: legal in some certificates, not in SNI; verification still applies
      }
    }
    return parameters;
  }

  static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
  }

  private static String stripBrackets(String host) {
    if (host.length() > 2 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']') {
      return host.substring(1, host.length() - 1);
    }
    return host;
  }

  private static void closeQuietly(Socket socket, Exception primary) {
    try {
      socket.close();
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }
}

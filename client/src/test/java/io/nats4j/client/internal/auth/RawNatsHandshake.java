package io.nats4j.client.internal.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speaks just enough NATS over a socket to test authentication and TLS without the connection core:
 * read INFO, send CONNECT built from {@link AuthFields}, PING, and return the server's answer
 * ({@code PONG} or {@code -ERR '...'}). Test-only; not thread-safe.
 */
public final class RawNatsHandshake implements AutoCloseable {
  private static final Pattern NONCE = Pattern.compile("\"nonce\":\"([^\"]+)\"");

  private Socket socket;
  private String info;

  /**
   * Opens a plain TCP connection with a 10 s read timeout.
   *
   * @param host server host
   * @param port server port
   */
  public RawNatsHandshake(String host, int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress(host, port), 10_000);
    socket.setSoTimeout(10_000);
  }

  /** The socket, to be upgraded to TLS by the caller. */
  public Socket socket() {
    return socket;
  }

  /** Replaces the socket with its TLS upgrade. */
  public void useSocket(Socket upgraded) {
    socket = upgraded;
  }

  /** Reads the INFO line and returns its JSON. */
  public String readInfo() throws IOException {
    String line = readLine();
    if (!line.startsWith("INFO ")) {
      throw new IOException("expected INFO, got " + line);
    }
    info = line.substring(5);
    return info;
  }

  /** The nonce of the INFO read, or null if the server sent none. */
  public String nonce() {
    Matcher m = NONCE.matcher(info);
    return m.find() ? m.group(1) : null;
  }

  /**
   * Sends CONNECT with these fields, then PING, and returns the first answer line: {@code PONG} on
   * success, {@code -ERR '...'} on refusal.
   */
  public String connect(AuthFields fields, boolean tls) throws IOException {
    String json = connectJson(fields, tls);
    OutputStream out = socket.getOutputStream();
    out.write(("CONNECT " + json + "\r\nPING\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    return readLine();
  }

  /** The CONNECT JSON this helper sends for these fields. */
  public static String connectJson(AuthFields fields, boolean tls) {
    StringBuilder json = new StringBuilder("{\"verbose\":false,\"pedantic\":false");
    json.append(",\"tls_required\":").append(tls);
    json.append(",\"lang\":\"java\",\"version\":\"test\",\"protocol\":1");
    field(json, "user", fields.user());
    field(json, "pass", fields.pass());
    field(json, "auth_token", fields.authToken());
    field(json, "nkey", fields.nkey());
    field(json, "jwt", fields.jwt());
    field(json, "sig", fields.sig());
    return json.append('}').toString();
  }

  private static void field(StringBuilder json, String name, String value) {
    if (value != null) {
      json.append(",\"").append(name).append("\":\"");
      json.append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
  }

  private String readLine() throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      line.append((char) c);
    }
    throw new IOException("connection closed by the server after: " + line);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}

package io.nats4j.nkeys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bare NATS protocol connection for tests of this module (which may not depend on the client):
 * reads INFO, sends CONNECT + PING, reports the server's answer.
 */
final class RawConnection implements AutoCloseable {
  private static final Pattern NONCE = Pattern.compile("\"nonce\":\"([^\"]+)\"");

  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;
  private final String nonce;

  RawConnection(String host, int port) throws IOException {
    socket = new Socket(host, port);
    socket.setSoTimeout(10_000); // a read that blocks this long fails the test instead of hanging
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = socket.getOutputStream();
    String info = in.readLine();
    if (info == null || !info.startsWith("INFO ")) {
      throw new IOException("expected INFO, got " + info);
    }
    Matcher matcher = NONCE.matcher(info);
    nonce = matcher.find() ? matcher.group(1) : null;
  }

  /** The INFO nonce (null if the server sent none). */
  String nonce() {
    return nonce;
  }

  /** Sends {@code CONNECT <json>} and PING; returns the first line that is PONG or -ERR. */
  String connect(String connectJson) throws IOException {
    send("CONNECT " + connectJson + "\r\nPING\r\n");
    return awaitLine("PONG", "-ERR");
  }

  void send(String protocol) throws IOException {
    out.write(protocol.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads lines (answering PINGs) until one starts with one of {@code prefixes}; null on EOF. */
  String awaitLine(String... prefixes) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.equals("PING")) {
        send("PONG\r\n");
      }
      for (String prefix : prefixes) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    }
    return null;
  }

  /** Reads one line. */
  String readLine() throws IOException {
    return in.readLine();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}

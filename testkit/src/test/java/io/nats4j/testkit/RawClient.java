package io.nats4j.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A raw NATS protocol client over a plain or TLS socket, for testing the harness only. */
final class RawClient implements AutoCloseable {

  private final Socket socket;
  private final BufferedReader reader;
  private final OutputStream out;
  final String info;

  /** Wraps a connected socket and reads the server's INFO from it. */
  RawClient(Socket socket) throws IOException {
    this(socket, null);
  }

  private RawClient(Socket socket, String infoAlreadyRead) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(10_000);
    reader =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = socket.getOutputStream();
    info = infoAlreadyRead != null ? infoAlreadyRead : readLine();
  }

  /** Wraps a socket whose INFO was read before (e.g. before a TLS upgrade). */
  static RawClient afterInfo(Socket socket, String info) throws IOException {
    return new RawClient(socket, info);
  }

  static RawClient connect(NatsServer server) throws IOException {
    return connect(server.host(), server.port());
  }

  static RawClient connect(String host, int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(host, port), 5000);
    return new RawClient(socket);
  }

  String readLine() throws IOException {
    String line = reader.readLine();
    if (line == null) {
      throw new IOException("connection closed by the server");
    }
    return line;
  }

  /** Reads lines until one starts with {@code prefix}, answering server PINGs on the way. */
  String readUntil(String prefix) throws IOException {
    while (true) {
      String line = readLine();
      if (line.startsWith(prefix)) {
        return line;
      }
      if (line.equals("PING")) {
        send("PONG\r\n");
      }
    }
  }

  void socketTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Sends CONNECT and waits for the PONG that confirms it was accepted. */
  void handshake(String connectJson) throws IOException {
    send("CONNECT " + connectJson + "\r\nPING\r\n");
    String line = readUntil("");
    while (line.startsWith("INFO") || line.equals("+OK")) {
      line = readLine();
    }
    if (!line.equals("PONG")) {
      throw new IOException("handshake failed: " + line);
    }
  }

  /** Publishes {@code payload} to {@code subject} with a reply subject and returns the reply. */
  String request(String subject, String reply, String payload) throws IOException {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    send("SUB " + reply + " 99\r\nPUB " + subject + " " + reply + " " + bytes.length + "\r\n");
    send(payload + "\r\n");
    String msg = readUntil("MSG " + reply);
    String body = readLine();
    send("UNSUB 99\r\n");
    return msg.isEmpty() ? null : body;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}

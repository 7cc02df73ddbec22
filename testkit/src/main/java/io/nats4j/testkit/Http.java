package io.nats4j.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.0 GET over a plain socket for the monitoring port. Deliberately not
 * java.net.http: that client keeps background threads alive, which would confuse the thread-leak
 * checks of the tests that use the harness.
 */
final class Http {

  /** A response: status code and body. */
  record Response(int status, String body) {}

  private Http() {}

  static Response get(String host, int port, String path) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String request = "GET " + path + " HTTP/1.0\r\nHost: " + host + ":" + port + "\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int headerEnd = response.indexOf("\r\n\r\n");
      if (!response.startsWith("HTTP/") || headerEnd < 0) {
        throw new IOException("not an HTTP response from " + host + ":" + port + path);
      }
      String statusLine = response.substring(0, response.indexOf("\r\n"));
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      return new Response(status, response.substring(headerEnd + 4));
    } catch (IOException e) {
      throw new UncheckedIOException("GET http://" + host + ":" + port + path + " failed", e);
    }
  }
}

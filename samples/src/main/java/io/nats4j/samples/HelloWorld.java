package io.nats4j.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Hello world in raw NATS protocol over a plain socket (no client library yet): reads the server's
 * INFO, sends CONNECT, subscribes to {@code hello}, publishes to it, and prints the message the
 * server delivers back. Run with the server URL as the only argument.
 */
public final class HelloWorld {

  private HelloWorld() {}

  /** Runs the sample against {@code args[0]} (default {@code nats://127.0.0.1:4222}). */
  public static void main(String[] args) throws IOException {
    URI server = URI.create(args.length > 0 ? args[0] : "nats://127.0.0.1:4222");
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(5_000);
      var in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      String info = in.readLine();
      System.out.println(
          "connected to " + server + ", server sent " + info.substring(0, 60) + "...");

      String payload = "hello, world"; // ASCII, so its length in bytes is payload.length()
      String connect = "{\"verbose\":false,\"name\":\"nats4j-hello\",\"lang\":\"java\"}";
      String commands =
          String.format(
              "CONNECT %s\r\nSUB hello 1\r\nPUB hello %d\r\n%s\r\nPING\r\n",
              connect, payload.length(), payload);
      out.write(commands.getBytes(StandardCharsets.UTF_8));
      out.flush();
      System.out.println("sent CONNECT, SUB hello, PUB hello \"" + payload + "\", PING");

      boolean received = false;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("MSG ")) {
          System.out.println("received " + line + " with payload \"" + in.readLine() + "\"");
          received = true;
        } else if (line.startsWith("-ERR")) {
          throw new IOException("server error: " + line);
        } else if (line.equals("PONG")) {
          break;
        }
      }
      if (!received) {
        throw new IOException("PONG arrived but the message did not");
      }
      System.out.println("PONG received: the round trip is complete");
    }
  }
}

package io.nats4j.client.internal.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted stand-in for nats-server, only for faults the real server will not produce on demand
 * (garbage bytes, silence, unanswered PINGs). Each accepted connection runs the script on its own
 * thread.
 */
final class FakeServer implements AutoCloseable {
  static final String INFO =
      "INFO {\"server_id\":\"FAKE\",\"server_name\":\"fake\",\"version\":\"2.15.2\","
          + "\"host\":\"127.0.0.1\",\"port\":4222,\"headers\":true,\"max_payload\":1048576,"
          + "\"proto\":1}\r\n";

  /** What the fake does with one client connection. */
  interface Script {
    void run(Peer peer) throws IOException;
  }

  /** One accepted client connection. */
  static final class Peer {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Peer(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /** Reads one CRLF-terminated line, or null at end of stream. */
    String readLine() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          String s = line.toString(StandardCharsets.ISO_8859_1);
          return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
        line.write(b);
      }
      return null;
    }

    /** INFO, then CONNECT and PING from the client, then PONG. */
    void handshake() throws IOException {
      send(INFO);
      expect("CONNECT ");
      expect("PING");
      send("PONG\r\n");
    }

    void expect(String prefix) throws IOException {
      String line = readLine();
      if (line == null || !line.startsWith(prefix)) {
        throw new IOException("expected " + prefix + " but got " + line);
      }
    }

    /** Answers PINGs (and skips everything else) until the client goes away. */
    void answerPings() throws IOException {
      String line;
      while ((line = readLine()) != null) {
        if (line.equals("PING")) {
          send("PONG\r\n");
        } else if (line.startsWith("PUB ")) {
          readLine();
        }
      }
    }

    void close() throws IOException {
      socket.close();
    }
  }

  private final ServerSocket listener;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  FakeServer(Script script) throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try {
                  Socket s = listener.accept();
                  accepted.add(s);
                  Thread t =
                      new Thread(
                          () -> {
                            try {
                              script.run(new Peer(s));
                            } catch (IOException ignored) {
                              // the client went away: the script is over
                            }
                          },
                          "fake-server-peer");
                  t.setDaemon(true);
                  t.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "fake-server-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "nats://127.0.0.1:" + listener.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : accepted) {
      s.close();
    }
  }
}

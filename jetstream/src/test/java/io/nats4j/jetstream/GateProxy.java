package io.nats4j.jetstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between the client and one server for the pull tests: it can hold back what the
 * server sends or what the client sends (a slow link whose bytes are in flight, released on demand)
 * and drop every client connection (the client reconnects through it). Test code only.
 *
 * <p>Thread-safety: safe from any thread; one thread per direction and connection.
 */
final class GateProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final String host;
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object gate = new Object();
  private boolean held;
  private boolean upstreamHeld;
  private volatile boolean closed;

  GateProxy(String host, int port) {
    this.host = host;
    this.port = port;
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread t = new Thread(this::accept, "gate-proxy-accept");
    t.setDaemon(true);
    t.start();
  }

  String url() {
    return "nats://127.0.0.1:" + listener.getLocalPort();
  }

  /** From now on, what the server sends waits in the proxy. */
  void hold() {
    synchronized (gate) {
      held = true;
    }
  }

  /** Lets what the server sent (and sends) through. */
  void release() {
    synchronized (gate) {
      held = false;
      gate.notifyAll();
    }
  }

  /** From now on, what the client sends waits in the proxy. */
  void holdUpstream() {
    synchronized (gate) {
      upstreamHeld = true;
    }
  }

  /** Lets what the client sent (and sends) through. */
  void releaseUpstream() {
    synchronized (gate) {
      upstreamHeld = false;
      gate.notifyAll();
    }
  }

  /** Closes every proxied connection; new ones are accepted. */
  void dropConnections() {
    for (Socket s : sockets) {
      closeQuietly(s);
    }
    sockets.clear();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(host, port);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(server);
        pump(client, server, true);
        pump(server, client, false);
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to, boolean upstream) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[64 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                  awaitOpen(upstream);
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException | InterruptedException e) {
                // the connection ends
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "gate-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private void awaitOpen(boolean upstream) throws InterruptedException {
    synchronized (gate) {
      while ((upstream ? upstreamHeld : held) && !closed) {
        gate.wait();
      }
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  @Override
  public void close() {
    closed = true;
    release();
    releaseUpstream();
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing
    }
    dropConnections();
  }
}

package io.nats4j.client.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;

/**
 * An open socket and the streams NATS bytes flow through: the socket's own (TCP, TLS) or framing
 * streams on top of it (WebSocket). Knows nothing of NATS.
 *
 * <p>Thread-safety: {@link #in()} belongs to the reader thread, {@link #out()} to the writer
 * thread; {@link #close()} may be called from any thread and makes both fail.
 *
 * <p>Why raw streams instead of okio: {@code Okio.source(Socket)} and {@code Okio.sink(Socket)}
 * wrap the streams in an {@code AsyncTimeout} that schedules nothing while no timeout is set (so no
 * watchdog thread), but every byte would pass through okio's 8 KiB segments: one more copy in each
 * direction and smaller reads. The reader reads 64 KiB chunks straight into its own array and the
 * writer writes whole swapped buffers, so neither needs buffering on top of the socket's own.
 */
public final class Transport implements AutoCloseable {
  /** Socket buffer size requested from the OS for both directions. */
  static final int SOCKET_BUFFER_BYTES = 2 * 1024 * 1024;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final boolean secure;

  /**
   * Wraps a connected socket.
   *
   * @param socket connected (possibly TLS) socket
   * @throws IOException if its streams cannot be opened
   */
  public Transport(Socket socket) throws IOException {
    this(socket, socket.getInputStream(), socket.getOutputStream());
  }

  /**
   * Wraps a connected socket whose bytes pass through framing streams.
   *
   * @param socket connected (possibly TLS) socket
   * @param in the stream NATS bytes are read from
   * @param out the stream NATS bytes are written to
   */
  Transport(Socket socket, InputStream in, OutputStream out) {
    this.socket = socket;
    this.in = in;
    this.out = out;
    this.secure = socket instanceof javax.net.ssl.SSLSocket;
  }

  /**
   * Applies the socket options nats4j wants: no Nagle delay, large buffers, keep-alive.
   *
   * @param socket a socket, connected or not
   * @throws SocketException if an option cannot be set
   */
  public static void tune(Socket socket) throws SocketException {
    socket.setTcpNoDelay(true);
    socket.setKeepAlive(true);
    socket.setReceiveBufferSize(SOCKET_BUFFER_BYTES);
    socket.setSendBufferSize(SOCKET_BUFFER_BYTES);
  }

  /**
   * Returns the socket.
   *
   * @return the socket
   */
  public Socket socket() {
    return socket;
  }

  /**
   * Returns the input stream, for the reader thread.
   *
   * @return the input stream
   */
  public InputStream in() {
    return in;
  }

  /**
   * Returns the output stream, for the writer thread.
   *
   * @return the output stream
   */
  public OutputStream out() {
    return out;
  }

  /**
   * Tells whether TLS is on.
   *
   * @return true for a TLS socket
   */
  public boolean secure() {
    return secure;
  }

  /** Closes the socket; idempotent, never throws. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is best effort: the peer may already be gone
    }
  }
}

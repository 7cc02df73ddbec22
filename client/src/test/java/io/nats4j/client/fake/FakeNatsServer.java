package io.nats4j.client.fake;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A scripted NATS server for the faults the real server will not produce on demand: a server that
 * sends nothing, sends INFO but never PONG, stops answering PING, sends garbage or half an op, or
 * whose wire transcript must be checked byte for byte after a reconnect. It speaks just enough of
 * the protocol to be scripted from a test; it routes nothing. Everything else is tested against the
 * real {@code nats-server}.
 *
 * <p>Each accepted connection runs the next {@link Script} (the last one repeats) on its own
 * thread, while a reader thread parses and records every client op and, if asked, answers PINGs.
 *
 * <pre>{@code
 * try (FakeNatsServer fake = FakeNatsServer.start(c -> c.sendInfo())) {   // INFO, never PONG
 *   assertThrows(NatsTimeoutException.class, () -> Nats.connect(options(fake.url())));
 * }
 * }</pre>
 *
 * <p>Thread-safety: all methods may be called from the test thread while the server runs.
 */
public final class FakeNatsServer implements AutoCloseable {

  /** What the server does on one connection. Runs on that connection's own thread. */
  @FunctionalInterface
  public interface Script {
    /**
     * Runs the script.
     *
     * @param connection the accepted connection
     * @throws Exception ends the script (the connection stays open until closed)
     */
    void run(FakeConnection connection) throws Exception;
  }

  /**
   * One op the client sent.
   *
   * @param verb upper-case op name: CONNECT, PUB, HPUB, SUB, UNSUB, PING, PONG
   * @param line the control line without CRLF
   * @param payload the payload of PUB/HPUB (headers included), else null
   */
  public record ClientOp(String verb, String line, byte[] payload) {
    /**
     * Returns the payload as UTF-8.
     *
     * @return the payload text, or null
     */
    public String payloadText() {
      return payload == null ? null : new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * Returns the space-separated arguments after the verb.
     *
     * @return the arguments
     */
    public List<String> args() {
      String[] parts = line.trim().split("\\s+");
      return List.of(parts).subList(1, parts.length);
    }

    @Override
    public String toString() {
      return payload == null ? line : line + " [" + payloadText() + "]";
    }
  }

  /** The script of a normal server: INFO, then answer every PING. */
  public static final Script STANDARD =
      c -> {
        c.answerPings(true);
        c.sendInfo();
      };

  private final ServerSocket listener;
  private final List<Script> scripts;
  private final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<FakeConnection> accepted = new LinkedBlockingQueue<>();
  private final Thread acceptor;
  private volatile boolean closed;

  private FakeNatsServer(List<Script> scripts) throws IOException {
    this.scripts = List.copyOf(scripts);
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.acceptor = new Thread(this::acceptLoop, "fake-nats-accept-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @param scripts the script of the first, second, ... connection; the last repeats
   * @return the running server
   */
  public static FakeNatsServer start(Script... scripts) {
    if (scripts.length == 0) {
      throw new IllegalArgumentException("at least one script");
    }
    try {
      return new FakeNatsServer(List.of(scripts));
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a loopback port", e);
    }
  }

  /**
   * Returns the URL clients connect to.
   *
   * @return {@code nats://127.0.0.1:<port>}
   */
  public String url() {
    return "nats://127.0.0.1:" + port();
  }

  /**
   * Returns the port.
   *
   * @return the port
   */
  public int port() {
    return listener.getLocalPort();
  }

  /**
   * Waits for the {@code index}-th connection (0-based) to be accepted.
   *
   * @param index which connection
   * @param timeout how long to wait
   * @return the connection
   */
  public FakeConnection connection(int index, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (connections.size() <= index) {
      try {
        if (accepted.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS) == null) {
          throw new AssertionError(
              "connection " + index + " was not made within " + timeout.toMillis() + " ms");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    return connections.get(index);
  }

  /**
   * Returns how many connections were accepted.
   *
   * @return the count
   */
  public int connectionCount() {
    return connections.size();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        int index = connections.size();
        FakeConnection c =
            new FakeConnection(index, socket, scripts.get(Math.min(index, scripts.size() - 1)));
        connections.add(c);
        accepted.add(c);
        c.start();
      } catch (IOException e) {
        if (!closed) {
          throw new IllegalStateException("fake server accept failed", e);
        }
      }
    }
  }

  /** Closes the listener and every connection; waits for the server's threads. */
  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing
    }
    for (FakeConnection c : connections) {
      c.close();
    }
    join(acceptor);
    for (FakeConnection c : connections) {
      join(c.reader);
      join(c.scriptThread);
    }
  }

  private static void join(Thread t) {
    try {
      t.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One client connection of the fake server. */
  public final class FakeConnection {
    private final int index;
    private final Socket socket;
    private final Script script;
    private final OutputStream out;
    private final InputStream in;
    private final Thread reader;
    private final Thread scriptThread;
    // Plain lists under one monitor, not copy-on-write: a heavy-publishing test logs tens of
    // thousands of ops, and copying the whole list per op made the fake the bottleneck.
    private final Object records = new Object();
    private final List<ClientOp> log = new ArrayList<>(); // guarded by records
    private final List<String> transcript = new ArrayList<>(); // guarded by records
    private final LinkedBlockingQueue<ClientOp> unread = new LinkedBlockingQueue<>();
    private volatile boolean answerPings;
    private volatile boolean clientClosed;
    private volatile Throwable scriptFailure;

    private FakeConnection(int index, Socket socket, Script script) throws IOException {
      this.index = index;
      this.socket = socket;
      this.script = script;
      this.out = socket.getOutputStream();
      this.in = new java.io.BufferedInputStream(socket.getInputStream());
      int port = listener.getLocalPort();
      this.reader = new Thread(this::readLoop, "fake-nats-reader-" + port + "-" + index);
      this.scriptThread = new Thread(this::runScript, "fake-nats-script-" + port + "-" + index);
      reader.setDaemon(true);
      scriptThread.setDaemon(true);
    }

    private void start() {
      reader.start();
      scriptThread.start();
    }

    private void runScript() {
      try {
        script.run(this);
      } catch (Throwable t) {
        if (!socket.isClosed()) {
          scriptFailure = t;
        }
      }
    }

    /**
     * Returns which connection of the server this is.
     *
     * @return 0 for the first
     */
    public int index() {
      return index;
    }

    /**
     * Sends a plain INFO.
     *
     * @throws IOException if the client is gone
     */
    public void sendInfo() throws IOException {
      sendInfo("");
    }

    /**
     * Sends INFO with extra JSON fields.
     *
     * @param extraFields e.g. {@code "\"ldm\":true"}, or empty
     * @throws IOException if the client is gone
     */
    public void sendInfo(String extraFields) throws IOException {
      send(
          "INFO {\"server_id\":\"FAKE"
              + index
              + "\",\"server_name\":\"fake-"
              + index
              + "\",\"version\":\"2.15.2\",\"proto\":1,\"host\":\"127.0.0.1\",\"port\":"
              + port()
              + ",\"headers\":true,\"max_payload\":1048576"
              + (extraFields.isEmpty() ? "" : "," + extraFields)
              + "}\r\n");
    }

    /**
     * Sends raw text; use it for well-formed ops, garbage or half an op.
     *
     * @param raw what to write, as is
     * @throws IOException if the client is gone
     */
    public void send(String raw) throws IOException {
      send(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends raw bytes.
     *
     * @param raw what to write, as is
     * @throws IOException if the client is gone
     */
    public void send(byte[] raw) throws IOException {
      synchronized (out) {
        record("S " + abbreviate(firstLine(raw)));
        out.write(raw);
        out.flush();
      }
    }

    /**
     * Turns answering PINGs with PONG on or off (off by default).
     *
     * @param answer true to answer
     */
    public void answerPings(boolean answer) {
      this.answerPings = answer;
    }

    /**
     * Takes the next op the client sent that this script has not taken yet.
     *
     * @param timeout how long to wait
     * @return the op
     */
    public ClientOp next(Duration timeout) {
      try {
        ClientOp op = unread.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (op == null) {
          throw new AssertionError(
              "the client sent nothing more within " + timeout.toMillis() + " ms; log: " + log());
        }
        return op;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }

    /**
     * Takes the next op and checks its verb.
     *
     * @param verb the expected verb
     * @param timeout how long to wait
     * @return the op
     */
    public ClientOp expect(String verb, Duration timeout) {
      ClientOp op = next(timeout);
      if (!op.verb().equals(verb)) {
        throw new AssertionError("expected " + verb + " but the client sent " + op);
      }
      return op;
    }

    /**
     * Waits until the client has sent an op matching {@code condition}.
     *
     * @param condition what to wait for; tested once per op, in wire order
     * @param timeout how long to wait
     * @return the first matching op
     */
    public ClientOp awaitLogged(Predicate<ClientOp> condition, Duration timeout) {
      return awaitLogged(condition, 1, timeout);
    }

    /**
     * Waits until the client has sent {@code count} ops matching {@code condition}.
     *
     * @param condition what to wait for; tested once per op, in wire order
     * @param count how many matching ops
     * @param timeout how long to wait
     * @return the {@code count}-th matching op
     */
    public ClientOp awaitLogged(Predicate<ClientOp> condition, int count, Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      int checked = 0;
      int matched = 0;
      synchronized (records) {
        while (true) {
          for (; checked < log.size(); checked++) {
            ClientOp op = log.get(checked);
            if (condition.test(op) && ++matched == count) {
              return op;
            }
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new AssertionError(
                matched
                    + " of "
                    + count
                    + " matching ops within "
                    + timeout.toMillis()
                    + " ms: "
                    + log);
          }
          try {
            TimeUnit.NANOSECONDS.timedWait(records, left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
          }
        }
      }
    }

    /**
     * Returns every op the client sent on this connection, in wire order.
     *
     * @return a snapshot
     */
    public List<ClientOp> log() {
      synchronized (records) {
        return List.copyOf(log);
      }
    }

    /**
     * Returns both directions in wire order: {@code "C <client line>"} and {@code "S <first line
     * the server sent>"}, with INFO and CONNECT shortened to their verb.
     *
     * @return a snapshot
     */
    public List<String> transcript() {
      synchronized (records) {
        return List.copyOf(transcript);
      }
    }

    private void record(String line) {
      synchronized (records) {
        transcript.add(line);
      }
    }

    /**
     * Tells whether the client closed its side.
     *
     * @return true after the client closed the socket
     */
    public boolean clientClosed() {
      return clientClosed;
    }

    /**
     * Returns what made the script fail while the connection was open, for assertions.
     *
     * @return the failure, or null
     */
    public Throwable scriptFailure() {
      return scriptFailure;
    }

    /**
     * Hangs up in order, as a server that ends a session does: what was sent is delivered, then the
     * client reads end of stream.
     */
    public void hangUp() {
      try {
        socket.shutdownOutput();
      } catch (IOException ignored) {
        // the socket may be closed already
      }
    }

    /** Drops the connection abruptly, as a crashed server would. */
    public void close() {
      try {
        socket.setSoLinger(true, 0);
      } catch (IOException ignored) {
        // the socket may be closed already
      }
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing
      }
      scriptThread.interrupt();
    }

    private void readLoop() {
      try {
        while (true) {
          String line = readLine();
          String verb = verbOf(line);
          byte[] payload = null;
          if (verb.equals("PUB") || verb.equals("HPUB")) {
            String[] parts = line.trim().split("\\s+");
            payload = readExactly(Integer.parseInt(parts[parts.length - 1]));
            if (!readLine().isEmpty()) {
              throw new IOException("payload of " + line + " not followed by CRLF");
            }
          }
          ClientOp op = new ClientOp(verb, line, payload);
          record("C " + abbreviate(line));
          if (verb.equals("PING") && answerPings) {
            send("PONG\r\n"); // before a script can see the PING and change its mind
          }
          synchronized (records) {
            log.add(op);
            records.notifyAll();
          }
          unread.add(op);
        }
      } catch (EOFException e) {
        clientClosed = true;
      } catch (IOException e) {
        clientClosed = true; // reset or closed by the test
      }
    }

    private String readLine() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int prev = -1;
      while (true) {
        int b = in.read();
        if (b < 0) {
          throw new EOFException();
        }
        if (prev == '\r' && b == '\n') {
          byte[] bytes = line.toByteArray();
          return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
        }
        line.write(b);
        prev = b;
      }
    }

    private byte[] readExactly(int n) throws IOException {
      byte[] data = in.readNBytes(n);
      if (data.length < n) {
        throw new EOFException();
      }
      return data;
    }
  }

  private static String verbOf(String line) {
    int space = line.indexOf(' ');
    return (space < 0 ? line : line.substring(0, space)).toUpperCase(java.util.Locale.ROOT);
  }

  /** INFO and CONNECT carry JSON: the transcript keeps only the verb. */
  private static String abbreviate(String line) {
    String verb = verbOf(line);
    return verb.equals("INFO") || verb.equals("CONNECT") ? verb : line;
  }

  private static String firstLine(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int eol = text.indexOf("\r\n");
    return eol < 0 ? text : text.substring(0, eol);
  }

  @Override
  public String toString() {
    return "FakeNatsServer[" + url() + ", connections=" + connections.size() + "]";
  }

  /**
   * Collects the verbs of ops, for compact assertions.
   *
   * @param ops ops
   * @return their lines
   */
  public static List<String> lines(List<ClientOp> ops) {
    List<String> lines = new ArrayList<>();
    for (ClientOp op : ops) {
      lines.add(op.verb().equals("CONNECT") ? "CONNECT" : op.line());
    }
    return lines;
  }
}

package io.nats4j.bench;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.kv.KeyValue;
import io.nats4j.kv.KeyValueConfig;
import io.nats4j.kv.KeyValueManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * What a request/reply round trip costs any client on this machine, measured without a client
 * library: raw sockets, a hand-written NATS protocol subset, no allocation beyond a few strings per
 * message (the bound behind reqrep's and kv-get's CPU per operation, see bench/README.md). Two
 * thread structures, each the process's CPU time per round trip after a warm-up:
 *
 * <ul>
 *   <li><b>handed-off</b>: nats4j's model. A requester writes its request itself and parks; the
 *       connection's reader thread reads the reply and unparks it. The responder's reader hands
 *       each request to a second thread (user code never runs on a reader), which writes the reply.
 *   <li><b>requester reads</b> ({@code echo} only): the requester reads its own reply, the
 *       responder hands off as in nats4j's model. What reads by a waiting requester would buy while
 *       user code stays off the reader.
 *   <li><b>own thread</b>: the cheapest possible. The requester reads its own reply, the responder
 *       answers on the thread that read the request: no thread hand-off at all.
 * </ul>
 *
 * <p>Scenarios: {@code echo} (a responder in this process echoes the payload, both sides measured,
 * as {@code scripts/bench reqrep}), {@code get} (a KV get: a Direct Get of one key answered by the
 * server, as {@code scripts/bench kv-get}) and {@code put} (a KV put: 128 bytes published to a key,
 * answered with the stream's pub ack, as {@code scripts/bench kv-put}).
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp "bench/target/nats4j-bench.jar:bench/target/lib/*" \
 *     io.nats4j.bench.RoundTripFloor nats://127.0.0.1:4222 [ops]
 * </pre>
 *
 * <p>Thread-safety: a program; each connection's socket is written by one thread at a time.
 */
public final class RoundTripFloor {
  private static final String INBOX = "_INBOX.floor";
  private static final byte[] PAYLOAD = new byte[16];
  private static final byte[] VALUE = new byte[128];
  private static final byte[] NONE = new byte[0];

  private RoundTripFloor() {}

  /**
   * Prints one line per scenario and thread structure.
   *
   * @param args the server URL; optionally the round trips per measurement (default 20,000) and the
   *     one measurement to run ({@code echo-handed-off}, {@code get-own-thread}, ...)
   * @throws Exception if the server cannot be reached
   */
  public static void main(String[] args) throws Exception {
    URI url = URI.create(args.length > 0 ? args[0] : "nats://127.0.0.1:4222");
    int ops = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    String only = args.length > 2 ? args[2] : null;
    String bucket = "floor_" + Long.toHexString(System.nanoTime());
    try (Connection c = Nats.connect(url.toString());
        JetStream js = JetStream.of(c)) {
      KeyValueManager kvm = KeyValueManager.of(js);
      KeyValue kv = kvm.create(KeyValueConfig.builder(bucket).build());
      kv.put("k", VALUE);
      String get = "$JS.API.DIRECT.GET.KV_" + bucket + ".$KV." + bucket + ".k";
      String put = "$KV." + bucket + ".k";
      try {
        for (int round = 0; round < 3; round++) {
          for (Structure structure : Structure.values()) {
            if (only == null || only.equals("echo-" + structure.label)) {
              measure("echo", url, "floor.echo", structure, PAYLOAD, ops);
            }
            if (structure == Structure.REQUESTER_READS) {
              continue; // without a responder of ours it is the own-thread structure
            }
            if (only == null || only.equals("get-" + structure.label)) {
              measure("get", url, get, structure, NONE, ops);
            }
            if (only == null || only.equals("put-" + structure.label)) {
              measure("put", url, put, structure, VALUE, ops);
            }
          }
        }
      } finally {
        kvm.delete(bucket);
      }
    }
  }

  /**
   * Measures one scenario; {@code echo} is answered by a responder here, the others by the server.
   */
  private static void measure(
      String scenario, URI url, String subject, Structure structure, byte[] payload, int ops)
      throws Exception {
    Responder responder =
        scenario.equals("echo")
            ? new Responder(url, subject, structure != Structure.OWN_THREAD)
            : null;
    try (Raw requester = new Raw(url)) {
      requester.write("SUB " + INBOX + " 1\r\nPING\r\n");
      requester.awaitPong();
      byte[] request =
          ("PUB " + subject + " " + INBOX + " " + payload.length + "\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      Requests requests =
          structure == Structure.HANDED_OFF ? new HandedOff(requester) : requester::next;
      for (int i = 0; i < ops / 4; i++) {
        roundTrip(requester, request, payload, requests);
      }
      long cpu = Meter.processCpuNanos();
      long start = System.nanoTime();
      for (int i = 0; i < ops; i++) {
        roundTrip(requester, request, payload, requests);
      }
      double cpuMicros = (Meter.processCpuNanos() - cpu) / 1e3 / ops;
      double wallMicros = (System.nanoTime() - start) / 1e3 / ops;
      System.out.printf(
          "%-5s %-15s cpu %6.1f us per round trip, wall %6.1f us%n",
          scenario, structure.label, cpuMicros, wallMicros);
    } finally {
      if (responder != null) {
        responder.close();
      }
    }
  }

  private static void roundTrip(Raw requester, byte[] request, byte[] payload, Requests requests)
      throws IOException {
    requester.write(request, payload);
    Frame reply = requests.await();
    if (reply == null || reply.data.length == 0) {
      throw new IllegalStateException("no reply, or an empty one: " + reply);
    }
  }

  /** Who reads what: see the class comment. */
  private enum Structure {
    HANDED_OFF("handed-off"),
    REQUESTER_READS("requester-reads"),
    OWN_THREAD("own-thread");

    final String label;

    Structure(String label) {
      this.label = label;
    }
  }

  /** How a requester waits for its reply. */
  private interface Requests {
    Frame await() throws IOException;
  }

  /** nats4j's model: a reader thread reads the reply and unparks the requester. */
  private static final class HandedOff implements Requests {
    private final Thread requester = Thread.currentThread();
    private volatile Frame reply;

    HandedOff(Raw raw) {
      Thread reader =
          new Thread(
              () -> {
                try {
                  for (Frame f; (f = raw.next()) != null; ) {
                    reply = f;
                    LockSupport.unpark(requester);
                  }
                } catch (IOException closed) {
                  // the measurement is over
                }
              },
              "floor-reader");
      reader.setDaemon(true);
      reader.start();
    }

    @Override
    public Frame await() {
      Frame f;
      while ((f = reply) == null) {
        LockSupport.park(this);
      }
      reply = null;
      return f;
    }
  }

  /** Echoes every request, on the reader thread or handed to a second thread. */
  private static final class Responder implements AutoCloseable {
    private final Raw raw;
    private volatile Frame pending;
    private volatile Thread handler;

    Responder(URI url, String subject, boolean handedOff) throws IOException {
      raw = new Raw(url);
      raw.write("SUB " + subject + " 1\r\nPING\r\n");
      raw.awaitPong();
      if (handedOff) {
        Thread h = new Thread(this::handle, "floor-handler");
        h.setDaemon(true);
        handler = h;
        h.start();
      }
      Thread reader = new Thread(this::read, "floor-responder");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try {
        for (Frame f; (f = raw.next()) != null; ) {
          Thread h = handler;
          if (h == null) {
            reply(f);
          } else {
            pending = f;
            LockSupport.unpark(h);
          }
        }
      } catch (IOException closed) {
        // the measurement is over
      }
    }

    private void handle() {
      while (!raw.socket.isClosed()) {
        Frame f = pending;
        if (f == null) {
          LockSupport.park(this);
          continue;
        }
        pending = null;
        try {
          reply(f);
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void reply(Frame f) throws IOException {
      raw.write(
          ("PUB " + f.replyTo + " " + f.data.length + "\r\n").getBytes(StandardCharsets.US_ASCII),
          f.data);
    }

    @Override
    public void close() throws IOException {
      raw.close();
      Thread h = handler;
      if (h != null) {
        LockSupport.unpark(h);
      }
    }
  }

  /** One MSG or HMSG: its reply subject and payload (headers dropped). */
  private record Frame(String replyTo, byte[] data) {}

  /** A socket speaking just enough NATS: CONNECT, SUB, PUB, PING/PONG, MSG/HMSG. */
  private static final class Raw implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[64 << 10];
    private int pos;
    private int end;
    private boolean pong;

    Raw(URI url) throws IOException {
      socket = new Socket(url.getHost(), url.getPort());
      socket.setTcpNoDelay(true);
      in = socket.getInputStream();
      out = socket.getOutputStream();
      readLine(); // INFO
      write("CONNECT {\"verbose\":false,\"pedantic\":false,\"headers\":true}\r\n");
    }

    synchronized void write(String s) throws IOException {
      out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes a PUB line and its payload in one socket write. */
    synchronized void write(byte[] line, byte[] data) throws IOException {
      byte[] op = new byte[line.length + data.length + 2];
      System.arraycopy(line, 0, op, 0, line.length);
      System.arraycopy(data, 0, op, line.length, data.length);
      op[op.length - 2] = '\r';
      op[op.length - 1] = '\n';
      out.write(op);
    }

    void awaitPong() throws IOException {
      while (!pong) {
        if (next() == null) {
          throw new IOException("closed before PONG");
        }
      }
    }

    /** The next message (a PONG: an empty frame), answering PINGs on the way; null at the end. */
    Frame next() throws IOException {
      while (true) {
        String line = readLine();
        if (line == null) {
          return null;
        }
        if (line.startsWith("MSG ") || line.startsWith("HMSG ")) {
          String[] f = line.split(" ");
          boolean headers = line.charAt(0) == 'H';
          int args = f.length - (headers ? 2 : 1);
          String replyTo = args == 4 ? f[3] : null;
          int total = Integer.parseInt(f[f.length - 1]);
          int headerBytes = headers ? Integer.parseInt(f[f.length - 2]) : 0;
          byte[] data = new byte[total - headerBytes];
          skip(headerBytes);
          take(data);
          skip(2);
          return new Frame(replyTo, data);
        } else if (line.equals("PING")) {
          write("PONG\r\n");
        } else if (line.equals("PONG")) {
          pong = true;
          return new Frame(null, new byte[0]);
        } else if (line.startsWith("-ERR")) {
          throw new IOException(line);
        }
      }
    }

    private String readLine() throws IOException {
      while (true) {
        for (int i = pos; i + 1 < end; i++) {
          if (buf[i] == '\r' && buf[i + 1] == '\n') {
            String line = new String(buf, pos, i - pos, StandardCharsets.US_ASCII);
            pos = i + 2;
            return line;
          }
        }
        if (!fill()) {
          return null;
        }
      }
    }

    private void skip(int n) throws IOException {
      take(new byte[n]);
    }

    private void take(byte[] into) throws IOException {
      int off = 0;
      while (off < into.length) {
        if (pos == end && !fill()) {
          throw new IOException("closed in the middle of a message");
        }
        int n = Math.min(into.length - off, end - pos);
        System.arraycopy(buf, pos, into, off, n);
        pos += n;
        off += n;
      }
    }

    private boolean fill() throws IOException {
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, end - pos);
        end -= pos;
        pos = 0;
      }
      if (end == buf.length) {
        throw new UncheckedIOException(new IOException("a line longer than the buffer"));
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        return false;
      }
      end += n;
      return true;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}

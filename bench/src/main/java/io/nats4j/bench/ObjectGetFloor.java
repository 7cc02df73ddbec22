package io.nats4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.util.Random;

/**
 * What any Java client must spend to get a 64 MiB object of 128 KiB chunks, measured alone on this
 * machine (the bound behind obj-get's CPU per object, see bench/README.md): SHA-256 of the bytes,
 * the allocation of a fresh array per chunk, and reading the bytes from a loopback socket through
 * the JDK's socket stream (the kernel's copy and TCP receive work, the JDK's copy from its
 * temporary direct buffer into the heap array), and the same read through a {@code SocketChannel}
 * into direct memory. Each is the CPU time of the one thread doing it, per object, after a warm-up.
 *
 * <pre>
 * java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp bench/target/nats4j-bench.jar io.nats4j.bench.ObjectGetFloor
 * </pre>
 *
 * <p>Thread-safety: a program, single-threaded apart from the socket's sending thread.
 */
public final class ObjectGetFloor {
  private static final int OBJECT = 64 << 20;
  private static final int CHUNK = 128 << 10;
  private static final int CHUNKS = OBJECT / CHUNK;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Keeps the allocation loop's result alive, so the JIT cannot drop the allocations. */
  static volatile long sink;

  private ObjectGetFloor() {}

  /**
   * Prints one line per measurement.
   *
   * @param args none
   * @throws Exception if the JDK has no SHA-256 or the loopback socket fails
   */
  public static void main(String[] args) throws Exception {
    byte[] chunk = new byte[CHUNK];
    new Random(1).nextBytes(chunk);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (int round = 0; round < 3; round++) {
      long start = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < 10; i++) {
        for (int c = 0; c < CHUNKS; c++) {
          sha.update(chunk);
        }
        sha.digest();
      }
      report("SHA-256 of one 128 KiB array", start, 10);
    }
    for (int round = 0; round < 3; round++) {
      long start = THREADS.getCurrentThreadCpuTime();
      long sum = 0;
      for (int i = 0; i < 10; i++) {
        for (int c = 0; c < CHUNKS; c++) {
          byte[] fresh = new byte[CHUNK];
          sum += fresh[c & 1023];
        }
      }
      sink = sum;
      report("new byte[128 KiB] per chunk (allocation and zeroing)", start, 10);
    }
    for (int round = 0; round < 3; round++) {
      for (boolean fresh : new boolean[] {false, true}) {
        socketRead(chunk, fresh);
      }
      channelRead(chunk);
    }
  }

  /**
   * The cheapest read Java has: a blocking {@code SocketChannel} into one 1 MiB direct buffer (no
   * copy into the heap, no 128 KiB cap per read). The bytes end in native memory, where neither
   * {@code Message.data()} nor {@code MessageDigest}'s array intrinsic can use them without a copy.
   */
  private static void channelRead(byte[] chunk) throws IOException {
    int warm = 5;
    int measured = 15;
    try (ServerSocketChannel listener =
        ServerSocketChannel.open()
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      Thread sender = sender(chunk, listener.socket().getLocalPort(), warm + measured);
      try (SocketChannel channel = listener.accept()) {
        channel.socket().setReceiveBufferSize(2 << 20);
        ByteBuffer into = ByteBuffer.allocateDirect(1 << 20);
        long total = 0;
        long start = 0;
        int n;
        while ((n = channel.read(into)) >= 0) {
          into.clear();
          long before = total;
          total += n;
          if (before < (long) warm * OBJECT && total >= (long) warm * OBJECT) {
            start = THREADS.getCurrentThreadCpuTime();
          }
        }
        report("loopback SocketChannel read into one 1 MiB direct buffer", start, measured);
      }
      join(sender);
    }
  }

  private static Thread sender(byte[] chunk, int port, int objects) {
    Thread sender =
        new Thread(
            () -> {
              try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                  OutputStream out = s.getOutputStream()) {
                for (int i = 0; i < objects * CHUNKS; i++) {
                  out.write(chunk);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    sender.start();
    return sender;
  }

  private static void join(Thread sender) {
    try {
      sender.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void socketRead(byte[] chunk, boolean fresh) throws IOException {
    int warm = 5;
    int measured = 15;
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread sender = sender(chunk, listener.getLocalPort(), warm + measured);
      try (Socket s = listener.accept();
          InputStream in = s.getInputStream()) {
        s.setReceiveBufferSize(2 << 20);
        byte[] into = new byte[CHUNK];
        long total = 0;
        long start = 0;
        while (true) {
          if (fresh) {
            into = new byte[CHUNK];
          }
          int off = 0;
          int n = 0;
          while (off < CHUNK && (n = in.read(into, off, CHUNK - off)) > 0) {
            off += n;
          }
          total += off;
          if (total == (long) warm * OBJECT) {
            start = THREADS.getCurrentThreadCpuTime();
          }
          if (n < 0 || off == 0) {
            break;
          }
        }
        report(
            "loopback socket read into " + (fresh ? "a fresh" : "one reused") + " 128 KiB array",
            start,
            measured);
      }
      join(sender);
    }
  }

  private static void report(String what, long startCpu, int objects) {
    double ms = (THREADS.getCurrentThreadCpuTime() - startCpu) / 1e6 / objects;
    System.out.printf("%-62s %6.1f ms per 64 MiB object%n", what, ms);
  }
}

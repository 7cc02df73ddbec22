package io.nats4j.objectstore;

import java.io.InputStream;
import okio.Buffer;
import okio.Source;
import okio.Timeout;

/**
 * An object being read at the caller's pace: an {@link InputStream}, or an okio {@link Source} via
 * {@link #source()}. Chunks are pulled from the stream as the caller reads, a few chunks (at least
 * 4 MiB) ahead.
 *
 * <pre>{@code
 * try (ObjectReader in = store.reader("big.iso")) {
 *   long size = in.info().size();
 *   in.transferTo(out);   // throws, instead of ending, if the object is not intact
 * }
 * }</pre>
 *
 * <p>The end of the object is reported (-1, or an exhausted source) only after the chunk count,
 * size and SHA-256 digest were checked; otherwise the read throws {@link ObjectIntegrityException},
 * or {@link ObjectChangedException} if the object was replaced or deleted and its chunks purged
 * before they were all read. These are unchecked, thrown by {@code read} as they are.
 *
 * <p>Thread-safety: not thread-safe; one reader thread at a time. Closing stops the consumer behind
 * it. Blocking reads are safe on virtual threads.
 */
public final class ObjectReader extends InputStream {
  private final ChunkReader chunks;
  private byte[] current = new byte[0];
  private int pos;
  private boolean end;

  ObjectReader(ChunkReader chunks) {
    this.chunks = chunks;
  }

  /**
   * Returns the info of the object being read (the link's target when a link was opened).
   *
   * @return the info
   */
  public ObjectInfo info() {
    return chunks.info();
  }

  private boolean fill() {
    while (pos >= current.length) {
      if (end) {
        return false;
      }
      byte[] next = chunks.next();
      if (next == null) {
        end = true;
        return false;
      }
      current = next;
      pos = 0;
    }
    return true;
  }

  @Override
  public int read() {
    if (!fill()) {
      return -1;
    }
    return current[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() {
    return current.length - pos;
  }

  /**
   * Returns an okio view of this reader: reading it reads this reader (they share the position).
   * Closing it closes this reader.
   *
   * @return the source
   */
  public Source source() {
    return new Source() {
      @Override
      public long read(Buffer sink, long byteCount) {
        if (byteCount < 0) {
          throw new IllegalArgumentException("byteCount < 0: " + byteCount);
        }
        if (byteCount == 0) {
          return 0;
        }
        if (!fill()) {
          return -1;
        }
        int n = (int) Math.min(byteCount, current.length - pos);
        sink.write(current, pos, n);
        pos += n;
        return n;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {
        ObjectReader.this.close();
      }
    };
  }

  /** Stops reading; the consumer behind the reader is stopped. Idempotent. */
  @Override
  public void close() {
    chunks.close();
  }
}

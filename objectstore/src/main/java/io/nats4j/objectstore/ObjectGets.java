package io.nats4j.objectstore;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Gets of whole objects into a stream, a file (temporary file, then moved into place) or memory,
 * over a {@link ChunkReader}.
 *
 * <p>Thread-safety: stateless apart from the bucket it works on.
 */
final class ObjectGets {
  private final MetaOps ops;

  ObjectGets(MetaOps ops) {
    this.ops = ops;
  }

  private ChunkReader chunkReader(String name, ProgressListener progress) {
    return ops.chunkReader(name, progress);
  }

  ObjectInfo get(String name, OutputStream out, ProgressListener progress) {
    Objects.requireNonNull(out, "out");
    try (ChunkReader chunks = chunkReader(name, progress)) {
      for (byte[] c = chunks.next(); c != null; c = chunks.next()) {
        out.write(c);
      }
      return chunks.info();
    } catch (IOException e) {
      throw new UncheckedIOException("writing object '" + name + "' failed: " + e.getMessage(), e);
    }
  }

  ObjectInfo get(String name, Path file, ProgressListener progress) {
    Path target = file.toAbsolutePath();
    Path temp;
    try {
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write beside " + file + ": " + e.getMessage(), e);
    }
    boolean moved = false;
    try {
      ObjectInfo info;
      try (OutputStream out = Files.newOutputStream(temp)) {
        info = get(name, out, progress);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
      return info;
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file + " failed: " + e.getMessage(), e);
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and named after the target
        }
      }
    }
  }

  byte[] getBytes(String name) {
    try (ChunkReader chunks = chunkReader(name, null)) {
      if (chunks.info().size() > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException(
            "object '" + name + "' has " + chunks.info().size() + " bytes: read it as a stream");
      }
      // Straight into the result (the size is checked per chunk and at the end): one copy, where
      // an okio buffer took two.
      byte[] all = new byte[(int) Math.max(0, chunks.info().size())];
      int at = 0;
      for (byte[] c = chunks.next(); c != null; c = chunks.next()) {
        System.arraycopy(c, 0, all, at, c.length);
        at += c.length;
      }
      return all;
    }
  }
}

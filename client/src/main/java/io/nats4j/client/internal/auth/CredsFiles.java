package io.nats4j.client.internal.auth;

import io.nats4j.nkeys.Creds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads creds files with one kind of failure: a local file problem is bad input, not a network
 * problem, so every one is an {@link IllegalArgumentException} whose message names the file and
 * what is wrong with it ("no such file", "is a directory", the seed or JWT problem), never its
 * content.
 *
 * <p>Stateless and thread-safe.
 */
final class CredsFiles {
  private CredsFiles() {}

  /**
   * Reads and parses a creds file.
   *
   * @param file the creds file
   * @return the user JWT and key; close it to wipe the seed
   * @throws IllegalArgumentException if the file is missing, a directory, unreadable or malformed
   */
  static Creds read(Path file) {
    if (Files.isDirectory(file)) {
      throw problem(file, "is a directory, not a creds file", null);
    }
    try {
      return Creds.parse(file);
    } catch (UncheckedIOException e) {
      IOException io = e.getCause();
      String reason =
          io instanceof NoSuchFileException
              ? "no such file"
              : io instanceof AccessDeniedException
                  ? "cannot be read: permission denied"
                  : "cannot be read: " + io.getMessage();
      throw problem(file, reason, e);
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains(file.toString())) {
        throw e;
      }
      String problem = message.startsWith("creds: ") ? message.substring(7) : message;
      throw problem(file, problem, e);
    }
  }

  private static IllegalArgumentException problem(Path file, String what, Exception cause) {
    return new IllegalArgumentException("creds file " + file + ": " + what, cause);
  }
}

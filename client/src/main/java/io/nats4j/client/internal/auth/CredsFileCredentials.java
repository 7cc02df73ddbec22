package io.nats4j.client.internal.auth;

import io.nats4j.client.Credentials;
import java.nio.file.Path;
import java.util.Objects;

/** A creds file path, read on every connect attempt. Immutable and thread-safe. */
public final class CredsFileCredentials implements Credentials {
  private final Path file;

  /**
   * Creates the credentials; reads nothing yet.
   *
   * @param file the creds file
   */
  public CredsFileCredentials(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  Path file() {
    return file;
  }

  @Override
  public String toString() {
    return "Credentials[creds file " + file + "]";
  }
}

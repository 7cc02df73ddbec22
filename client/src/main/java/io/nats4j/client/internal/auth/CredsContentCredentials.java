package io.nats4j.client.internal.auth;

import io.nats4j.client.Credentials;
import io.nats4j.nkeys.Creds;
import java.util.Objects;

/** Creds file text held in memory. Immutable and thread-safe. */
public final class CredsContentCredentials implements Credentials {
  private final char[] contents;
  private final String publicKey;

  /**
   * Creates the credentials, validating the text now.
   *
   * @param contents the creds text; copied
   * @throws IllegalArgumentException if the text is not a valid creds file
   */
  public CredsContentCredentials(char[] contents) {
    Objects.requireNonNull(contents, "contents");
    try (Creds creds = Creds.parse(contents)) {
      this.publicKey = creds.userKey().publicKey();
    }
    this.contents = contents.clone();
  }

  char[] contents() {
    return contents.clone();
  }

  @Override
  public String toString() {
    return "Credentials[creds, user=" + publicKey + ", jwt=***, seed=***]";
  }
}

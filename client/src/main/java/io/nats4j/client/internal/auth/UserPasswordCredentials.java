package io.nats4j.client.internal.auth;

import io.nats4j.client.Credentials;
import java.util.Objects;

/**
 * A user name and password. Immutable (the password array is private and never handed out without
 * copying) and thread-safe.
 */
public final class UserPasswordCredentials implements Credentials {
  private final String user;
  private final char[] password;

  /**
   * Creates the credentials.
   *
   * @param user the user name, not empty
   * @param password the password; copied
   */
  public UserPasswordCredentials(String user, char[] password) {
    Objects.requireNonNull(user, "user");
    if (user.isEmpty()) {
      throw new IllegalArgumentException("user is empty");
    }
    this.user = user;
    this.password = Objects.requireNonNull(password, "password").clone();
  }

  String user() {
    return user;
  }

  char[] password() {
    return password.clone();
  }

  @Override
  public String toString() {
    return "Credentials[user/password, user=" + user + ", password=***]";
  }
}

package io.nats4j.client.internal.auth;

import java.util.Arrays;
import java.util.Objects;

/** Small helpers for secret arrays. */
final class Secrets {
  private Secrets() {}

  static char[] copyNonEmpty(char[] secret, String what) {
    Objects.requireNonNull(secret, what);
    if (secret.length == 0) {
      throw new IllegalArgumentException(what + " is empty");
    }
    return secret.clone();
  }

  static void wipe(char[] secret) {
    if (secret != null) {
      Arrays.fill(secret, '\0');
    }
  }

  static void wipe(byte[] secret) {
    if (secret != null) {
      Arrays.fill(secret, (byte) 0);
    }
  }
}

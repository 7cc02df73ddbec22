package io.nats4j.jetstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the responses captured from a real nats-server 2.15.2 (see server-responses/cap.py). */
final class ServerResponses {
  private ServerResponses() {}

  static byte[] load(String name) {
    try (InputStream in = ServerResponses.class.getResourceAsStream("/server-responses/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no captured response " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.nats4j.nkeys;

import io.nats4j.nkeys.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Known-answer vectors produced by the Go nkeys and jwt libraries (src/test/go/gen_vectors). */
final class Vectors {
  static final Map<String, Object> ALL = load();

  private Vectors() {}

  private static Map<String, Object> load() {
    try (InputStream in = Vectors.class.getResourceAsStream("/vectors.json")) {
      return Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String message() {
    return (String) ALL.get("message");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> keys() {
    return (List<Map<String, Object>>) ALL.get("keys");
  }

  static Map<String, Object> key(KeyType type) {
    return keys().stream().filter(k -> type.name().equals(k.get("type"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> section(String name) {
    return (Map<String, Object>) ALL.get(name);
  }

  static String creds() {
    return (String) ALL.get("creds");
  }

  static byte[] hex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}

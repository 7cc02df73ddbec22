package io.nats4j.kv;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Translates application keys to bucket keys and back, so keys outside the key alphabet ({@code
 * [-/_=.a-zA-Z0-9]}) can be stored (as nats.js's key codecs do; ADR-54). A codec works token by
 * token: {@code .} separates tokens in both forms, and in watch and keys filters the wildcard
 * tokens {@code *} and {@code >} pass through unchanged, so filters keep working.
 *
 * <pre>{@code
 * KeyValue files = kvm.open("files").withKeyCodec(KeyCodec.base64());
 * files.put("reports.q1 draft", data);   // stored as "cmVwb3J0cw.cTEgZHJhZnQ"
 * }</pre>
 *
 * <p>A handle with a codec expects every key it reads to have been written through the same codec:
 * a stored key that does not decode makes the read (or the watcher's delivery) fail with an {@link
 * IllegalArgumentException}. Other clients see the encoded keys.
 *
 * <p>Thread-safety: implementations must be stateless or thread-safe.
 */
public interface KeyCodec {

  /**
   * Encodes one token of an application key.
   *
   * @param token the token (never {@code *} or {@code >})
   * @return the stored token, made only of key characters other than {@code .}
   */
  String encodeToken(String token);

  /**
   * Decodes one stored token.
   *
   * @param token the stored token
   * @return the application token
   */
  String decodeToken(String token);

  /**
   * Returns the identity codec: keys are stored as given.
   *
   * @return the identity codec
   */
  static KeyCodec identity() {
    return Codecs.IDENTITY;
  }

  /**
   * Returns a codec storing each token as URL-safe base64 of its UTF-8 bytes without padding
   * ({@code -} and {@code _} are key characters), so any text can be a token.
   *
   * @return the base64 codec
   */
  static KeyCodec base64() {
    return Codecs.BASE64;
  }

  /** The built-in codecs. */
  final class Codecs {
    private static final KeyCodec IDENTITY =
        new KeyCodec() {
          @Override
          public String encodeToken(String token) {
            return token;
          }

          @Override
          public String decodeToken(String token) {
            return token;
          }
        };

    private static final KeyCodec BASE64 =
        new KeyCodec() {
          @Override
          public String encodeToken(String token) {
            return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(token.getBytes(StandardCharsets.UTF_8));
          }

          @Override
          public String decodeToken(String token) {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
          }
        };

    private Codecs() {}

    static String encodeKey(KeyCodec codec, String key) {
      if (codec == IDENTITY) {
        return key;
      }
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException("key is required");
      }
      String[] tokens = key.split("\\.", -1);
      StringBuilder b = new StringBuilder(key.length() * 2);
      for (int i = 0; i < tokens.length; i++) {
        if (tokens[i].isEmpty()) {
          throw new IllegalArgumentException("key has an empty token: '" + key + "'");
        }
        if (i > 0) {
          b.append('.');
        }
        b.append(codec.encodeToken(tokens[i]));
      }
      return b.toString();
    }

    static String encodeFilter(KeyCodec codec, String filter) {
      if (codec == IDENTITY || filter == null || filter.isEmpty()) {
        return filter;
      }
      String[] tokens = filter.split("\\.", -1);
      StringBuilder b = new StringBuilder(filter.length() * 2);
      for (int i = 0; i < tokens.length; i++) {
        if (i > 0) {
          b.append('.');
        }
        String t = tokens[i];
        b.append(t.equals("*") || t.equals(">") || t.isEmpty() ? t : codec.encodeToken(t));
      }
      return b.toString();
    }

    static String decodeKey(KeyCodec codec, String key) {
      if (codec == IDENTITY) {
        return key;
      }
      String[] tokens = key.split("\\.", -1);
      StringBuilder b = new StringBuilder(key.length());
      for (int i = 0; i < tokens.length; i++) {
        if (i > 0) {
          b.append('.');
        }
        b.append(codec.decodeToken(tokens[i]));
      }
      return b.toString();
    }
  }
}

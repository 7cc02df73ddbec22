package io.nats4j.nkeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A parsed NATS creds file: the user JWT and the user's key (from its {@code SU...} seed).
 *
 * <p>Thread-safety: immutable apart from {@link #close()}, which wipes the user key's seed; safe to
 * share between threads.
 *
 * <pre>{@code
 * try (Creds creds = Creds.parse(Path.of("user.creds"))) {
 *   String jwt = creds.jwt();
 *   String sig = Nonces.sign(creds.userKey(), nonce);
 * }
 * }</pre>
 *
 * <p>The format is the one {@code nsc} and the Go jwt library write (see {@link #format}): a {@code
 * -----BEGIN NATS USER JWT-----} block and a {@code -----BEGIN USER NKEY SEED-----} block, each
 * closed by an END marker line. Parsing accepts a BOM, CRLF, tabs and spaces around lines, blank
 * lines inside a block and any number (three or more) of dashes in markers. Errors are {@link
 * IllegalArgumentException}s that name the problem (missing, empty or unterminated block, extra
 * content inside a block, a seed that is not a user seed) and never contain the file's secret
 * content.
 */
public final class Creds implements AutoCloseable {
  private final String jwt;
  private final NKey userKey;

  Creds(String jwt, NKey userKey) {
    this.jwt = jwt;
    this.userKey = userKey;
  }

  /**
   * Reads and parses a creds file (UTF-8). The file's bytes are wiped from memory after parsing.
   *
   * @param file the creds file
   * @return the user JWT and key; close it to wipe the seed
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if the content is not a valid creds file
   */
  public static Creds parse(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read creds file " + file, e);
    }
    CharBuffer chars = null;
    try {
      chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      char[] text = new char[chars.remaining()];
      chars.get(text);
      try {
        return parse(text);
      } finally {
        Arrays.fill(text, '\0');
      }
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("creds file " + file + " is not valid UTF-8");
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (chars != null && chars.hasArray()) {
        Arrays.fill(chars.array(), '\0');
      }
    }
  }

  /**
   * Parses creds text. Prefer {@link #parse(char[])} so the caller can wipe the text.
   *
   * @param text the creds file's content
   * @return the user JWT and key; close it to wipe the seed
   */
  public static Creds parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("creds text is null");
    }
    char[] chars = text.toCharArray();
    try {
      return parse(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * Parses creds text; {@code text} is not modified and may be wiped by the caller afterwards.
   *
   * @param text the creds file's content
   * @return the user JWT and key; close it to wipe the seed
   */
  public static Creds parse(char[] text) {
    if (text == null) {
      throw new IllegalArgumentException("creds text is null");
    }
    return CredsParser.parse(text);
  }

  /**
   * The user JWT. Treat it as a secret: do not log it.
   *
   * @return the user JWT
   */
  public String jwt() {
    return jwt;
  }

  /**
   * The user's key (can sign nonces until this creds object is closed).
   *
   * @return the user's key
   */
  public NKey userKey() {
    return userKey;
  }

  /** Wipes the user seed. Idempotent. */
  @Override
  public void close() {
    userKey.close();
  }

  /** The user's public key only. */
  @Override
  public String toString() {
    return "Creds[" + userKey.publicKey() + "]";
  }

  /**
   * Writes the standard creds text for {@code userJwt} and {@code userSeed}, byte for byte as the
   * Go jwt library's {@code FormatUserConfig} does. The caller should wipe the returned array.
   *
   * @param userJwt the encoded user JWT
   * @param userSeed the user's encoded seed ({@code SU...})
   * @return the creds text; wipe it after use
   * @throws IllegalArgumentException if the seed is not a valid user seed or the JWT is not a token
   */
  public static char[] format(String userJwt, char[] userSeed) {
    if (userJwt == null || userJwt.split("\\.", -1).length != 3 || !isToken(userJwt)) {
      throw new IllegalArgumentException("not a JWT (expected header.payload.signature)");
    }
    try (NKey key = NKey.fromSeed(userSeed)) {
      if (key.type() != KeyType.USER) {
        throw new IllegalArgumentException(
            "expected a user seed (SU...), got a " + key.type() + " seed");
      }
    }
    String head =
        "-----BEGIN NATS USER JWT-----\n"
            + userJwt
            + "\n------END NATS USER JWT------\n\n"
            + "************************* IMPORTANT *************************\n"
            + "NKEY Seed printed below can be used to sign and prove identity.\n"
            + "NKEYs are sensitive and should be treated as secrets.\n\n"
            + "-----BEGIN USER NKEY SEED-----\n";
    String tail =
        "\n------END USER NKEY SEED------\n\n"
            + "*************************************************************\n";
    char[] out = new char[head.length() + userSeed.length + tail.length()];
    head.getChars(0, head.length(), out, 0);
    System.arraycopy(userSeed, 0, out, head.length(), userSeed.length);
    tail.getChars(0, tail.length(), out, head.length() + userSeed.length);
    return out;
  }

  private static boolean isToken(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '=';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}

package io.nats4j.client.internal.protocol;

import io.nats4j.client.Headers;
import java.util.List;
import java.util.Map;

/**
 * Internal back door into {@link Headers} for {@link HeadersCodec}: received headers must be built
 * without the public validation (peers may send keys our API would refuse, and we must not lose
 * them) and then sealed read-only. {@link Headers} installs the implementation in its static
 * initializer, so nothing public names this type.
 *
 * <p>Thread-safety: the installed instance is stateless; installation happens once during class
 * initialization of {@link Headers}, which the JVM makes safe.
 */
public interface HeadersAccess {
  /**
   * Creates mutable headers carrying a status line.
   *
   * @param statusCode the code, 0 for none
   * @param statusDescription the description, or null
   * @return new headers
   */
  Headers newReceived(int statusCode, String statusDescription);

  /**
   * Appends one value without validation.
   *
   * @param headers the headers being built
   * @param key the key as received
   * @param value the value as received
   */
  void addUnchecked(Headers headers, String key, String value);

  /**
   * Returns a read-only view of headers built by {@link #newReceived}.
   *
   * @param headers the headers
   * @return the read-only view
   */
  Headers seal(Headers headers);

  /**
   * Returns the live entries, for encoding without copies.
   *
   * @param headers the headers
   * @return the backing map; callers must not modify it
   */
  Map<String, List<String>> entries(Headers headers);

  /**
   * Called by {@link Headers} once.
   *
   * @param access the implementation
   */
  static void install(HeadersAccess access) {
    Holder.instance = access;
  }

  /**
   * Returns the implementation, initializing {@link Headers} first if needed.
   *
   * @return the installed access
   */
  static HeadersAccess get() {
    HeadersAccess access = Holder.instance;
    if (access == null) {
      new Headers(); // runs Headers' static initializer, which installs the access
      access = Holder.instance;
    }
    return access;
  }

  /** Holds the installed instance (interfaces cannot have mutable static fields). */
  final class Holder {
    static volatile HeadersAccess instance;

    private Holder() {}
  }
}

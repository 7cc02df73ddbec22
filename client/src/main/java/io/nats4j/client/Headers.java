package io.nats4j.client;

import io.nats4j.client.internal.protocol.HeadersAccess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * NATS message headers: multi-valued, case-preserving and case-sensitive ({@code Foo} and {@code
 * foo} are different keys), keys and values kept in insertion order.
 *
 * <p>Thread-safety: a {@code Headers} you create is mutable and not thread-safe; build it on one
 * thread, then hand it to {@code publish}. Headers of a received message are a read-only view that
 * nobody modifies, safe to read from any thread; mutators on a read-only instance throw {@link
 * UnsupportedOperationException}.
 *
 * <pre>{@code
 * Headers headers = new Headers().add("Trace-Id", "abc123").add("Tag", "a", "b");
 * connection.publish("orders.new", headers, payload);
 * }</pre>
 *
 * <p>Keys are printable ASCII without {@code :} or space; values must not contain CR or LF (either
 * would break the wire format). Messages with a status line ({@code NATS/1.0 503}, {@code NATS/1.0
 * 100 Idle Heartbeat}, ...) expose it through {@link #statusCode()} and {@link
 * #statusDescription()}.
 */
public final class Headers {
  static {
    HeadersAccess.install(new Access());
  }

  private final Map<String, List<String>> entries;
  private final boolean readOnly;
  private final int statusCode;
  private final String statusDescription;

  /** Creates empty, mutable headers without a status. */
  public Headers() {
    this(new LinkedHashMap<>(), false, 0, null);
  }

  private Headers(
      Map<String, List<String>> entries,
      boolean readOnly,
      int statusCode,
      String statusDescription) {
    this.entries = entries;
    this.readOnly = readOnly;
    this.statusCode = statusCode;
    this.statusDescription = statusDescription;
  }

  /**
   * Appends values to a key, creating it if absent.
   *
   * @param key the key, printable ASCII without {@code :} or space
   * @param values the values to append, none containing CR or LF
   * @return this
   * @throws IllegalArgumentException if the key or a value is invalid
   * @throws UnsupportedOperationException if these headers are read-only
   */
  public Headers add(String key, String... values) {
    checkWritable();
    validateKey(key);
    validateValues(key, values);
    if (values.length > 0) {
      List<String> list = entries.computeIfAbsent(key, k -> new ArrayList<>(values.length));
      Collections.addAll(list, values);
    }
    return this;
  }

  /**
   * Replaces all values of a key; with no values the key is removed.
   *
   * @param key the key, printable ASCII without {@code :} or space
   * @param values the new values, none containing CR or LF
   * @return this
   * @throws IllegalArgumentException if the key or a value is invalid
   * @throws UnsupportedOperationException if these headers are read-only
   */
  public Headers put(String key, String... values) {
    checkWritable();
    validateKey(key);
    validateValues(key, values);
    if (values.length == 0) {
      entries.remove(key);
    } else {
      List<String> list = new ArrayList<>(values.length);
      Collections.addAll(list, values);
      entries.put(key, list);
    }
    return this;
  }

  /**
   * Removes a key and all its values.
   *
   * @param key the exact key (case-sensitive)
   * @return this
   * @throws UnsupportedOperationException if these headers are read-only
   */
  public Headers remove(String key) {
    checkWritable();
    entries.remove(key);
    return this;
  }

  /**
   * Returns the first value of a key.
   *
   * @param key the exact key (case-sensitive)
   * @return the first value, or null if the key is absent
   */
  public String first(String key) {
    List<String> values = entries.get(key);
    return values == null ? null : values.get(0);
  }

  /**
   * Returns all values of a key in insertion order.
   *
   * @param key the exact key (case-sensitive)
   * @return an unmodifiable list, empty if the key is absent
   */
  public List<String> get(String key) {
    List<String> values = entries.get(key);
    return values == null ? List.of() : Collections.unmodifiableList(values);
  }

  /**
   * Returns whether the key is present.
   *
   * @param key the exact key (case-sensitive)
   * @return true if it has at least one value
   */
  public boolean containsKey(String key) {
    return entries.containsKey(key);
  }

  /**
   * Returns the keys in insertion order.
   *
   * @return an unmodifiable view
   */
  public Set<String> keys() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  /**
   * Returns whether there are no keys (a status line alone does not count).
   *
   * @return true if no key is present
   */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Returns the number of distinct keys.
   *
   * @return the key count
   */
  public int size() {
    return entries.size();
  }

  /**
   * Returns whether mutators throw.
   *
   * @return true for received headers and {@link #readOnly()} views
   */
  public boolean isReadOnly() {
    return readOnly;
  }

  /**
   * Returns a read-only view: it reflects later changes made through this instance but cannot make
   * any itself.
   *
   * @return a read-only view, or this when already read-only
   */
  public Headers readOnly() {
    return readOnly ? this : new Headers(entries, true, statusCode, statusDescription);
  }

  /**
   * Returns the status code of the {@code NATS/1.0} line, e.g. 503 (no responders), 100 (idle
   * heartbeat / flow control), 404, 408, 409.
   *
   * @return the code, or 0 when the message had no status
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the text after the status code, e.g. {@code Idle Heartbeat}.
   *
   * @return the description, or null when absent
   */
  public String statusDescription() {
    return statusDescription;
  }

  /** Equal when status, keys, values and their order are equal; read-only-ness is ignored. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Headers h
        && statusCode == h.statusCode
        && Objects.equals(statusDescription, h.statusDescription)
        && List.copyOf(entries.entrySet()).equals(List.copyOf(h.entries.entrySet()));
  }

  @Override
  public int hashCode() {
    return Objects.hash(statusCode, statusDescription, entries);
  }

  @Override
  public String toString() {
    return "Headers"
        + (statusCode == 0 ? "" : "[status=" + statusCode + " " + statusDescription + "]")
        + entries;
  }

  private void checkWritable() {
    if (readOnly) {
      throw new UnsupportedOperationException("these headers are read-only");
    }
  }

  private static void validateKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("header key must not be null or empty");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == ':') {
        throw new IllegalArgumentException(
            "header key \""
                + printable(key)
                + "\" has an invalid character at index "
                + i
                + "; keys are printable ASCII without ':' or space");
      }
    }
  }

  private static void validateValues(String key, String[] values) {
    Objects.requireNonNull(values, "values");
    for (String value : values) {
      if (value == null) {
        throw new IllegalArgumentException("header \"" + key + "\" value must not be null");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || c == '\n') {
          throw new IllegalArgumentException(
              "header \""
                  + key
                  + "\" value \""
                  + printable(value)
                  + "\" contains "
                  + (c == '\r' ? "CR" : "LF")
                  + " at index "
                  + i
                  + "; values must not contain CR or LF");
        }
      }
    }
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && i < 256; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Lets the codec build received headers without the public validation, as read-only. */
  private static final class Access implements HeadersAccess {
    @Override
    public Headers newReceived(int statusCode, String statusDescription) {
      return new Headers(new LinkedHashMap<>(), false, statusCode, statusDescription);
    }

    @Override
    public void addUnchecked(Headers headers, String key, String value) {
      headers.entries.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
    }

    @Override
    public Headers seal(Headers headers) {
      return new Headers(headers.entries, true, headers.statusCode, headers.statusDescription);
    }

    @Override
    public Map<String, List<String>> entries(Headers headers) {
      return headers.entries;
    }
  }
}

package io.nats4j.client.internal.reconnect;

import io.nats4j.client.internal.address.ServerAddress;

/**
 * One server of the {@link ServerPool} and what the pool remembers about it.
 *
 * <p>Thread-safety: the address fields are immutable; the counters are guarded by the owning pool's
 * lock and read through it.
 */
public final class PoolEntry {
  private final ServerAddress address;
  private final boolean discovered;
  private final String tlsHostname;
  private final String key;

  // guarded by the pool
  int failures;
  boolean tried;
  long lastAttemptNanos;
  String lastAuthError;

  PoolEntry(ServerAddress address, boolean discovered, String tlsHostname) {
    this.address = address;
    this.discovered = discovered;
    this.tlsHostname = tlsHostname;
    this.key = keyOf(address);
  }

  static String keyOf(ServerAddress address) {
    return address.host().toLowerCase(java.util.Locale.ROOT) + ":" + address.port();
  }

  /**
   * Returns the address as configured or discovered (with credentials, if any).
   *
   * @return the address
   */
  public ServerAddress address() {
    return address;
  }

  /**
   * Tells whether the server was learned from INFO.
   *
   * @return true if discovered, false if configured
   */
  public boolean discovered() {
    return discovered;
  }

  /**
   * Returns the name a TLS certificate must carry: the URL host, or for a server discovered as an
   * address literal, the host name of the server that announced it.
   *
   * @return the expected TLS host name
   */
  public String tlsHostname() {
    return tlsHostname;
  }

  /**
   * Returns the URL without credentials.
   *
   * @return e.g. {@code nats://10.0.0.2:4222}
   */
  public String url() {
    return address.redacted();
  }

  String key() {
    return key;
  }

  @Override
  public String toString() {
    return url() + (discovered ? " (discovered)" : "");
  }
}

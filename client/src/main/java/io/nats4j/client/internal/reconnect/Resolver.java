package io.nats4j.client.internal.reconnect;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to all its addresses at connect time (ADR-11), so a name behind several
 * addresses is tried address by address. Injected so tests need no DNS.
 *
 * <p>Thread-safety: implementations must be thread-safe.
 */
@FunctionalInterface
public interface Resolver {

  /**
   * Resolves a host name.
   *
   * @param host a host name (never an address literal)
   * @return every address, at least one
   * @throws UnknownHostException if the name does not resolve
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /**
   * Returns the JDK resolver.
   *
   * @return {@link InetAddress#getAllByName}
   */
  static Resolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}

package io.nats4j.client.internal.transport;

import io.nats4j.client.Options;
import io.nats4j.client.ServerInfo;
import io.nats4j.client.TlsOptions;
import io.nats4j.client.internal.address.ServerAddress;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * NATS straight over TCP, upgraded to TLS before INFO ({@code handshake_first}) or after it.
 *
 * <p>Thread-safety: stateless.
 */
final class TcpWire implements Wire {
  static final TcpWire INSTANCE = new TcpWire();

  private TcpWire() {}

  @Override
  public Transport beforeInfo(
      Transport plain, ServerAddress address, Options options, Supplier<String> cookieJwt)
      throws IOException {
    TlsOptions tls = options.tls();
    if (tls != null && tls.isHandshakeFirst()) {
      return upgrade(plain, address, tls);
    }
    return plain;
  }

  @Override
  public Transport afterInfo(
      Transport transport, ServerAddress address, Options options, ServerInfo info)
      throws IOException {
    TlsOptions tls = options.tls();
    boolean wantTls = address.tlsRequired() || info.tlsRequired() || tls != null;
    if (wantTls && !transport.secure()) {
      return upgrade(transport, address, tls == null ? TlsOptions.builder().build() : tls);
    }
    return transport;
  }

  @Override
  public boolean jwtInConnect(Options options) {
    return true;
  }

  private static Transport upgrade(Transport t, ServerAddress address, TlsOptions tls)
      throws IOException {
    return new Transport(TlsUpgrader.upgrade(t.socket(), tls, address.host(), address.port()));
  }
}

package io.nats4j.client;

import java.util.List;

/**
 * What a NATS server announced about itself in its most recent {@code INFO}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 *
 * <p>The authentication nonce the server sends in the same {@code INFO} is deliberately not part of
 * this record: it is used only during the handshake and never exposed.
 *
 * @param serverId the server's unique id ({@code server_id})
 * @param serverName the configured server name, or the id when none is configured ({@code
 *     server_name})
 * @param version the server version, e.g. {@code 2.15.2}
 * @param host the host the server listens on as it sees it (often {@code 0.0.0.0})
 * @param port the client port
 * @param headers whether the server supports message headers
 * @param maxPayload the largest message (headers plus payload) the server accepts, in bytes ({@code
 *     max_payload})
 * @param protocol the protocol version ({@code proto})
 * @param tlsRequired whether the server requires TLS ({@code tls_required})
 * @param tlsAvailable whether the server offers TLS without requiring it ({@code tls_available})
 * @param authRequired whether the server requires authentication ({@code auth_required})
 * @param connectUrls other servers of the cluster a client may connect to ({@code connect_urls}),
 *     never null, possibly empty
 * @param lameDuckMode whether the server is shutting down and asks clients to move ({@code ldm})
 * @param apiLevel the JetStream API level ({@code api_lvl}), 0 when absent (servers before 2.11)
 * @param cluster the cluster name, or null
 * @param domain the JetStream domain, or null
 * @param jetStream whether JetStream is enabled on this server
 * @param clientIp this client's address as the server sees it ({@code client_ip}), or null
 * @param clientId the id the server gave this connection ({@code client_id}), 0 when absent
 */
public record ServerInfo(
    String serverId,
    String serverName,
    String version,
    String host,
    int port,
    boolean headers,
    long maxPayload,
    int protocol,
    boolean tlsRequired,
    boolean tlsAvailable,
    boolean authRequired,
    List<String> connectUrls,
    boolean lameDuckMode,
    int apiLevel,
    String cluster,
    String domain,
    boolean jetStream,
    String clientIp,
    long clientId) {

  /**
   * Creates the record; a null {@code connectUrls} becomes an empty list and the list is copied so
   * the record stays immutable.
   */
  public ServerInfo {
    connectUrls = connectUrls == null ? List.of() : List.copyOf(connectUrls);
  }
}

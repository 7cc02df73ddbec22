package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.NoRespondersException;
import io.nats4j.client.ServerInfo;
import io.nats4j.client.internal.spi.Internals;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JetStreamOptions;
import java.util.List;

/**
 * Sends JetStream API requests: builds the subject from the prefix, checks API levels, adds {@code
 * Nats-Required-Api-Level}, and reads the JSON answer or its error.
 *
 * <p>Thread-safety: immutable; safe from any thread (the connection is).
 */
public final class ApiClient {
  /** The ADR-44 header that makes the server refuse a request above its API level. */
  public static final String REQUIRED_API_LEVEL_HEADER = "Nats-Required-Api-Level";

  private static final byte[] EMPTY = new byte[0];

  private final Connection connection;
  private final JetStreamOptions options;
  private final String prefix;

  /**
   * Creates the client.
   *
   * @param connection the connection
   * @param options the JetStream options
   */
  public ApiClient(Connection connection, JetStreamOptions options) {
    this.connection = connection;
    this.options = options;
    this.prefix = options.apiPrefix() + ".";
  }

  /**
   * Returns the connection.
   *
   * @return the connection
   */
  public Connection connection() {
    return connection;
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public JetStreamOptions options() {
    return options;
  }

  /**
   * Returns the full subject of an API endpoint.
   *
   * @param endpoint e.g. {@code STREAM.INFO.ORDERS}
   * @return e.g. {@code $JS.API.STREAM.INFO.ORDERS}
   */
  public String subject(String endpoint) {
    return prefix + endpoint;
  }

  /**
   * Returns the API level used for gating: the connected server's INFO {@code api_lvl} (1 for 2.11
   * servers, which do not announce it; see {@link ApiLevels#ofServer}), capped by {@link
   * JetStreamOptions#assumedApiLevel()}.
   *
   * @return the level
   */
  public int apiLevel() {
    ServerInfo info = connection.serverInfo();
    int server = info == null ? 0 : ApiLevels.ofServer(info.apiLevel(), info.version());
    int cap = options.assumedApiLevel();
    return cap >= 0 ? Math.min(cap, server) : server;
  }

  /**
   * Refuses requirements above the server's API level.
   *
   * @param requirements fields and headers in use
   * @return the highest required level (0 if none)
   * @throws io.nats4j.jetstream.ApiLevelException if the server's level is too low
   */
  public int require(List<ApiLevels.Requirement> requirements) {
    ApiLevels.check(requirements, apiLevel());
    return ApiLevels.highest(requirements);
  }

  /**
   * Sends a request and reads the answer.
   *
   * @param endpoint the endpoint after the prefix
   * @param body the request record, or null for an empty body
   * @param requiredLevel the API level to assert with the header, 0 for none
   * @param type the answer's record type
   * @param <T> the type
   * @return the answer
   */
  public <T> T request(String endpoint, Object body, int requiredLevel, Class<T> type) {
    return Responses.read(requestRaw(endpoint, body, requiredLevel).data(), type);
  }

  /**
   * Sends a request without an API level assertion and reads the answer.
   *
   * @param endpoint the endpoint after the prefix
   * @param body the request record, or null for an empty body
   * @param type the answer's record type
   * @param <T> the type
   * @return the answer
   */
  public <T> T request(String endpoint, Object body, Class<T> type) {
    return request(endpoint, body, 0, type);
  }

  /**
   * Sends a request and returns the raw reply.
   *
   * @param endpoint the endpoint after the prefix
   * @param body the request record, or null for an empty body
   * @param requiredLevel the API level to assert with the header, 0 for none
   * @return the reply message
   * @throws JetStreamException if nobody answers on the API subject
   */
  public Message requestRaw(String endpoint, Object body, int requiredLevel) {
    byte[] json = body == null ? EMPTY : JsonMapper.write(body);
    Headers headers = null;
    if (requiredLevel > 0) {
      headers = new Headers().add(REQUIRED_API_LEVEL_HEADER, Integer.toString(requiredLevel));
    }
    String subject = subject(endpoint);
    try {
      return Internals.requestUnobserved(
          connection, subject, headers, json, options.requestTimeout());
    } catch (NoRespondersException e) {
      throw new JetStreamException(
          "nothing answered on "
              + subject
              + ": JetStream is not enabled on the server or for this account, or the domain/API"
              + " prefix is wrong",
          e);
    }
  }
}

package io.nats4j.service;

import io.nats4j.client.NatsException;

/**
 * Thrown by a {@link ServiceHandler} to answer with a specific service error: the reply carries
 * {@code Nats-Service-Error: <description>} and {@code Nats-Service-Error-Code: <code>} (ADR-32).
 * Also what {@link Discovery} and {@link ServiceRequest} callers see for error replies, through
 * {@link #of(io.nats4j.client.Message)}.
 *
 * <p>Thread-safety: immutable.
 */
public class ServiceErrorException extends NatsException {
  private static final long serialVersionUID = 1L;

  /** The code of an error reply. */
  private final int code;

  /**
   * Creates the error.
   *
   * @param code the error code (an HTTP-like number, e.g. 400)
   * @param description what went wrong, shown to the caller
   */
  public ServiceErrorException(int code, String description) {
    super(description);
    this.code = code;
  }

  /**
   * Returns the error code.
   *
   * @return the code
   */
  public int code() {
    return code;
  }

  /**
   * Returns the description.
   *
   * @return the description
   */
  public String description() {
    return getMessage();
  }

  /**
   * Reads the service error of a reply, if it is one.
   *
   * @param reply a reply from a service
   * @return the error, or null if the reply carries no {@code Nats-Service-Error-Code}
   */
  public static ServiceErrorException of(io.nats4j.client.Message reply) {
    if (!reply.hasHeaders()) {
      return null;
    }
    String code = reply.headers().first(Service.ERROR_CODE_HEADER);
    if (code == null) {
      return null;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(code.trim());
    } catch (NumberFormatException e) {
      parsed = 500;
    }
    String description = reply.headers().first(Service.ERROR_HEADER);
    return new ServiceErrorException(parsed, description == null ? "" : description);
  }
}

package io.nats4j.jetstream;

/**
 * The error object of a JetStream API response: {@code {"code":404,"err_code":10059,
 * "description":"stream not found"}}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param code the HTTP-like status (400, 404, 500, 503)
 * @param errCode the server's specific error number, see {@link JetStreamApiException} constants
 * @param description the server's text
 */
public record ApiError(int code, int errCode, String description) {}

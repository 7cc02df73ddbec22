package io.nats4j.client;

/** Why a request-many stopped gathering replies without an error (ADR-47). */
public enum RequestManyEnd {
  /** The {@link RequestManyOptions#maxMessages() maximum} number of replies came. */
  MAX_MESSAGES,
  /** The {@link RequestManyOptions#totalTimeout() total timeout} passed. */
  TIMEOUT,
  /** No reply came within the {@link RequestManyOptions#stall() stall} interval. */
  STALL,
  /** The {@link RequestManyOptions#sentinel() sentinel} came. */
  SENTINEL,
  /** The caller closed or cancelled the request. */
  CANCELLED
}

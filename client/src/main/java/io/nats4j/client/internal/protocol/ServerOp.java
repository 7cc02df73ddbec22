package io.nats4j.client.internal.protocol;

/**
 * One operation received from the server, as produced by {@link ProtocolParser}.
 *
 * <p>Thread-safety: every implementation is an immutable record (the byte arrays inside {@link Msg}
 * are handed over, never touched again by the parser).
 */
public sealed interface ServerOp permits Info, Msg, Ping, Pong, Ok, Err {}

package io.nats4j.jetstream;

/**
 * The server's acknowledgement of a message stored in a stream.
 *
 * <p>Thread-safety: immutable.
 *
 * @param stream the stream that stored the message
 * @param seq the message's sequence in the stream
 * @param domain the JetStream domain, null if none
 * @param duplicate true if the message id was seen within the duplicate window and the message was
 *     not stored again ({@code seq} is then the original's)
 * @param val counter streams: the counter's new value as a decimal string, null otherwise
 * @param batch batch publish: the batch id, null otherwise
 * @param count batch publish: the number of messages committed
 */
public record PubAck(
    String stream,
    long seq,
    String domain,
    boolean duplicate,
    String val,
    String batch,
    long count) {}

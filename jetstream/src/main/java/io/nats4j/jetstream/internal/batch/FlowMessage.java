package io.nats4j.jetstream.internal.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats4j.jetstream.ApiError;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.internal.JsonMapper;
import io.nats4j.jetstream.internal.Responses;
import java.nio.charset.StandardCharsets;

/**
 * What the server sends on a fast-ingest batch's inbox (ADR-50): flow acks ({@code "type":"ack"}),
 * gap reports ({@code "type":"gap"}), per-message errors ({@code "type":"err"}) and the final pub
 * ack (or an error pub ack) that ends the batch.
 *
 * <p>Thread-safety: immutable values.
 */
public sealed interface FlowMessage {
  /**
   * Messages up to {@code sequence} were handled; the server now acks every {@code messages}.
   *
   * @param sequence the highest batch sequence acknowledged
   * @param messages the flow: an ack comes every this many messages
   */
  record Ack(long sequence, int messages) implements FlowMessage {}

  /**
   * Messages from {@code expected} up to but not including {@code current} were lost.
   *
   * @param expected the sequence the server expected next
   * @param current the sequence that arrived
   */
  record Gap(long expected, long current) implements FlowMessage {}

  /**
   * The message at {@code sequence} was refused.
   *
   * @param sequence the batch sequence
   * @param error the server's error
   */
  record Err(long sequence, ApiError error) implements FlowMessage {}

  /**
   * The batch ended: the final pub ack, or the error that ended it.
   *
   * @param ack the ack, null if {@code error} is set
   * @param error the error, null on success
   */
  record End(PubAck ack, ApiError error) implements FlowMessage {}

  /**
   * Reads a message from the batch inbox.
   *
   * @param body the JSON body
   * @return the typed message
   * @throws JetStreamException if the body is not one of the four
   */
  static FlowMessage parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw new JetStreamException("the fast-ingest inbox received an empty message");
    }
    JsonNode tree = JsonMapper.readTree(body);
    JsonNode type = tree.get("type");
    if (type == null) {
      JsonNode error = tree.get("error");
      if (error != null && !error.isNull()) {
        return new End(null, JsonMapper.convert(error, ApiError.class));
      }
      return new End(Responses.pubAck(body), null);
    }
    return switch (type.asText()) {
      case "ack" -> new Ack(tree.path("seq").asLong(), tree.path("msgs").asInt());
      case "gap" -> new Gap(tree.path("last_seq").asLong(), tree.path("seq").asLong());
      case "err" ->
          new Err(tree.path("seq").asLong(), JsonMapper.convert(tree.get("error"), ApiError.class));
      default ->
          throw new JetStreamException(
              "the fast-ingest inbox received an unknown message: "
                  + new String(body, StandardCharsets.UTF_8));
    };
  }
}

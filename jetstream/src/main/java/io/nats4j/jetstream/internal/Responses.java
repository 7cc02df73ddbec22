package io.nats4j.jetstream.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.nats4j.client.Message;
import io.nats4j.client.NoRespondersException;
import io.nats4j.jetstream.ApiError;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.PubAck;

/**
 * Turns JetStream API response bodies into records, or into a {@link JetStreamApiException} when
 * the body carries an {@code error} object.
 *
 * <p>Thread-safety: stateless.
 */
public final class Responses {
  private static final ObjectReader PUB_ACK = JsonMapper.mapper().readerFor(PubAck.class);

  private Responses() {}

  /**
   * Reads an API response as {@code type}.
   *
   * @param body the JSON body
   * @param type the record type of a success
   * @param <T> the type
   * @return the record
   * @throws JetStreamApiException if the body carries an error object
   * @throws JetStreamException if the body is not JSON of that shape
   */
  public static <T> T read(byte[] body, Class<T> type) {
    return JsonMapper.convert(tree(body), type);
  }

  /**
   * Reads an API response as a tree after checking it for an error object.
   *
   * @param body the JSON body
   * @return the tree
   * @throws JetStreamApiException if the body carries an error object
   */
  public static JsonNode tree(byte[] body) {
    if (body == null || body.length == 0) {
      throw new JetStreamException("the JetStream API answered with an empty body");
    }
    JsonNode tree = JsonMapper.readTree(body);
    JsonNode error = tree.get("error");
    if (error != null && !error.isNull()) {
      throw apiError(error);
    }
    return tree;
  }

  /**
   * Reads the reply to a publish: a pub ack, or the error or status that came instead.
   *
   * @param subject the subject that was published to (for the messages)
   * @param reply the reply
   * @return the ack
   * @throws NoRespondersException on a 503 status (no stream captures the subject)
   * @throws JetStreamApiException if the stream refused the message
   * @throws JetStreamException on another status, or a body that is not a pub ack
   */
  public static PubAck pubAck(String subject, Message reply) {
    int status = reply.statusCode();
    if (status == 503) {
      throw new NoRespondersException(
          "no stream answered the publish to "
              + subject
              + " (503 no responders): no stream captures the subject, or its leader is being"
              + " elected; publish again");
    }
    if (status != 0) {
      String description = reply.headers() == null ? null : reply.headers().statusDescription();
      throw new JetStreamException(
          "the publish to "
              + subject
              + " was answered with status "
              + status
              + (description == null || description.isEmpty() ? "" : " " + description)
              + " instead of a pub ack: something other than a stream answers on that subject");
    }
    return pubAck(reply.data());
  }

  /**
   * Reads a publish acknowledgement.
   *
   * @param body the JSON body
   * @return the ack
   * @throws JetStreamApiException if the stream refused the message
   * @throws JetStreamException if the body is not a pub ack
   */
  public static PubAck pubAck(byte[] body) {
    if (body == null || body.length == 0) {
      throw new JetStreamException(
          "the publish was answered with an empty body: the subject is not a stream subject, or"
              + " the stream has no_ack set");
    }
    return switch (PubAckShape.of(body)) {
      case ACK -> JsonMapper.read(body, PUB_ACK);
      case ERROR -> throw apiError(JsonMapper.readTree(body).get("error"));
      case OTHER ->
          throw new JetStreamException(
              "the publish was not answered with a pub ack: "
                  + new String(body, java.nio.charset.StandardCharsets.UTF_8));
    };
  }

  private static JetStreamApiException apiError(JsonNode error) {
    return new JetStreamApiException(JsonMapper.convert(error, ApiError.class));
  }
}

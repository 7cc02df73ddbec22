package io.nats4j.jetstream.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nats4j.jetstream.JetStreamException;
import java.io.IOException;

/**
 * What the reply to a publish is, told from its top-level fields in one streaming pass: a pub ack
 * (a {@code stream} name and no {@code error}), an API error (the server names the stream in some
 * errors too, so {@code error} decides), or something else. An ack is then read once, by type,
 * without building a tree first.
 *
 * <p>Thread-safety: stateless.
 */
enum PubAckShape {
  ACK,
  ERROR,
  OTHER;

  /**
   * Scans a reply body.
   *
   * @param body the JSON body, not empty
   * @return its shape
   * @throws JetStreamException if the body is not JSON
   */
  static PubAckShape of(byte[] body) {
    try (JsonParser p = JsonMapper.mapper().getFactory().createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return OTHER;
      }
      boolean stream = false;
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        JsonToken value = p.nextToken();
        if (name.equals("error") && value != JsonToken.VALUE_NULL) {
          return ERROR;
        }
        stream |= name.equals("stream") && value == JsonToken.VALUE_STRING;
        p.skipChildren();
      }
      return stream ? ACK : OTHER;
    } catch (IOException e) {
      throw new JetStreamException("the server's response is not valid JSON: " + e.getMessage());
    }
  }
}

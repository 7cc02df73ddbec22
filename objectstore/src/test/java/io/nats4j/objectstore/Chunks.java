package io.nats4j.objectstore;

import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.StoredMessage;
import io.nats4j.objectstore.internal.ObjectNames;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Test helper: reads what is really in the stream, behind the store's back. */
final class Chunks {
  private Chunks() {}

  /** The concatenated chunks on an object version's subject, read message by message. */
  static byte[] stored(JetStream js, String bucket, String nuid) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String stream = ObjectNames.stream(bucket);
    String subject = ObjectNames.chunkSubject(bucket, nuid);
    long seq = 1;
    while (true) {
      StoredMessage m;
      try {
        m = js.streams().getNextMessage(stream, seq, subject);
      } catch (JetStreamApiException e) {
        if (e.errorCode() == JetStreamApiException.NO_MESSAGE_FOUND) {
          return out.toByteArray();
        }
        throw e;
      }
      out.writeBytes(m.data());
      seq = m.seq() + 1;
    }
  }

  /** How many messages the stream holds on a subject. */
  static long count(JetStream js, String bucket, String subject) {
    Long n =
        js.streams()
            .info(ObjectNames.stream(bucket), false, subject)
            .state()
            .subjects()
            .get(subject);
    return n == null ? 0 : n;
  }

  /** How many chunk messages the bucket holds in all. */
  static long allChunks(JetStream js, String bucket) {
    return js
        .streams()
        .info(ObjectNames.stream(bucket), false, ObjectNames.allChunks(bucket))
        .state()
        .subjects()
        .values()
        .stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  static String digest(byte[] data) {
    try {
      return "SHA-256="
          + Base64.getUrlEncoder()
              .encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }
}

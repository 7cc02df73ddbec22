package io.nats4j.client.internal.protocol;

import io.nats4j.client.ServerInfo;
import java.util.Objects;

/**
 * The server's {@code INFO}: sent first on every connection and again later (cluster changes,
 * lame-duck mode) when the client sent {@code protocol:1}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param info what the server announced, without the nonce
 * @param nonce the challenge to sign for NKey/JWT authentication, or null; kept out of {@link
 *     ServerInfo} and out of {@link #toString()} so it never reaches users or logs by accident
 */
public record Info(ServerInfo info, String nonce) implements ServerOp {

  /**
   * Creates the op.
   *
   * @param info never null
   * @param nonce nullable
   */
  public Info {
    Objects.requireNonNull(info, "info");
  }

  /**
   * Decodes the JSON object that follows {@code INFO } on the wire.
   *
   * @param json the JSON text
   * @return the op
   * @throws io.nats4j.client.ProtocolException if the text is not a JSON object
   */
  public static Info fromJson(String json) {
    return ServerInfoDecoder.decode(json);
  }

  /** Hides the nonce. */
  @Override
  public String toString() {
    return "Info[info=" + info + ", nonce=" + (nonce == null ? "none" : "<present>") + "]";
  }
}

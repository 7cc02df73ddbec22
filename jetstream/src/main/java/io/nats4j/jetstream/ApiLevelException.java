package io.nats4j.jetstream;

/**
 * Refused before sending: the request uses a field or header that the connected server's JetStream
 * API level does not know. Servers from 2.12 on reject unknown JSON fields and older ones silently
 * ignore them, so nats4j refuses instead (ADR-44).
 *
 * <p>Thread-safety: immutable.
 */
public class ApiLevelException extends JetStreamException {
  private static final long serialVersionUID = 1L;

  /** The JSON field or header the request used. */
  private final String feature;

  /** The API level the feature needs. */
  private final int requiredLevel;

  /** The API level the server reported. */
  private final int serverLevel;

  /**
   * Creates the exception.
   *
   * @param feature the JSON field or header, e.g. {@code allow_msg_counter}
   * @param requiredLevel the API level the feature needs
   * @param serverLevel the API level the server reported in INFO ({@code api_lvl})
   */
  public ApiLevelException(String feature, int requiredLevel, int serverLevel) {
    super(
        feature
            + " needs JetStream API level "
            + requiredLevel
            + " ("
            + serverVersionFor(requiredLevel)
            + " or newer) but the connected server reports api level "
            + serverLevel
            + "; upgrade the server or do not use "
            + feature);
    this.feature = feature;
    this.requiredLevel = requiredLevel;
    this.serverLevel = serverLevel;
  }

  /**
   * Returns the JSON field or header that was refused.
   *
   * @return the feature name
   */
  public String feature() {
    return feature;
  }

  /**
   * Returns the API level the feature needs.
   *
   * @return the level
   */
  public int requiredLevel() {
    return requiredLevel;
  }

  /**
   * Returns the API level the server reported.
   *
   * @return the level
   */
  public int serverLevel() {
    return serverLevel;
  }

  /**
   * Names the first server release with an API level (server/jetstream_versioning.go).
   *
   * @param level the API level
   * @return e.g. {@code "nats-server 2.12.0"}
   */
  public static String serverVersionFor(int level) {
    return switch (level) {
      case 0 -> "nats-server 2.10.0";
      case 1 -> "nats-server 2.11.0";
      case 2 -> "nats-server 2.12.0";
      case 3 -> "nats-server 2.12 (late patch releases)";
      case 4 -> "nats-server 2.14.0";
      default -> "nats-server 2.15.0 (api level " + level + ")";
    };
  }
}

package io.nats4j.jetstream;

import java.util.Objects;

/**
 * Qualifies a mirrored or sourced stream that lives in another account or JetStream domain.
 *
 * <p>Thread-safety: immutable.
 */
public final class ExternalStream {
  private final String api;
  private final String deliver;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private ExternalStream() {
    this(null, null);
  }

  /**
   * Creates the value.
   *
   * @param apiPrefix the JetStream API prefix of the other account or domain ({@code api}), e.g.
   *     {@code $JS.hub.API}
   * @param deliverPrefix the subject prefix the messages are delivered on ({@code deliver})
   */
  public ExternalStream(String apiPrefix, String deliverPrefix) {
    this.api = apiPrefix;
    this.deliver = deliverPrefix;
  }

  /**
   * Returns the JetStream API prefix of the other account or domain ({@code api}), e.g. {@code
   * $JS.hub.API}.
   *
   * @return the JetStream API prefix of the other account or domain ({@code api}), e.g. {@code
   *     $JS.hub.API}
   */
  public String apiPrefix() {
    return api;
  }

  /**
   * Returns the subject prefix the messages are delivered on ({@code deliver}).
   *
   * @return the subject prefix the messages are delivered on ({@code deliver})
   */
  public String deliverPrefix() {
    return deliver;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ExternalStream)) {
      return false;
    }
    ExternalStream that = (ExternalStream) o;
    return Objects.equals(api, that.api) && Objects.equals(deliver, that.deliver);
  }

  @Override
  public int hashCode() {
    return Objects.hash(api, deliver);
  }

  @Override
  public String toString() {
    return "ExternalStream[" + "apiPrefix=" + api + ", " + "deliverPrefix=" + deliver + "]";
  }
}

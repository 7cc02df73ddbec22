package io.nats4j.client.internal.connection;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the client says it is in {@code CONNECT}: {@code lang} {@value #LANG} (so an operator tells
 * nats4j from jnats, which sends {@code java}, in the server's {@code connz}) and the version of
 * the build, from a resource the build writes.
 *
 * <p>Thread-safety: constants.
 */
public final class ClientVersion {
  /** The {@code lang} sent in {@code CONNECT}. */
  public static final String LANG = "nats4j";

  /** The version of this build, or {@code "unknown"} if the build resource is missing. */
  public static final String VERSION = read();

  private ClientVersion() {}

  private static String read() {
    try (InputStream in = ClientVersion.class.getResourceAsStream("nats4j-client.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "").trim();
      return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}

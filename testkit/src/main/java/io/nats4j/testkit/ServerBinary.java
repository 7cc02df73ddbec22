package io.nats4j.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code nats-server} executable the harness runs, and its version.
 *
 * <p>Thread-safe: the lookup result is computed once and cached for the JVM.
 *
 * <p>Search order: the {@code NATS_SERVER_BIN} environment variable (or system property of the same
 * name), then the project's pinned build in {@code ~/.cache/nats4j/bin/nats-server}, then every
 * directory on {@code PATH}. A missing binary is a loud failure naming {@code
 * scripts/nats-server-install}, never a silent skip.
 */
public final class ServerBinary {

  private static final Pattern VERSION = Pattern.compile("v?(\\d+\\.\\d+\\.\\d+[0-9A-Za-z.\\-+]*)");

  private static volatile Path cachedPath;
  private static volatile String cachedVersion;

  private ServerBinary() {}

  /**
   * Returns the path of the {@code nats-server} executable to use.
   *
   * @return the path of the {@code nats-server} executable to use
   * @throws IllegalStateException if none is found; the message names {@code
   *     scripts/nats-server-install}
   */
  public static Path locate() {
    Path path = cachedPath;
    if (path == null) {
      path = search();
      cachedPath = path;
    }
    return path;
  }

  /**
   * Returns the version of the located binary without a leading {@code v}, e.g. {@code "2.15.2"}.
   *
   * @return the version without a leading {@code v}, e.g. {@code 2.15.2}
   * @throws IllegalStateException if the binary is missing or does not report a version
   */
  public static String version() {
    String version = cachedVersion;
    if (version == null) {
      version = askVersion(locate());
      cachedVersion = version;
    }
    return version;
  }

  private static Path search() {
    String explicit = System.getProperty("NATS_SERVER_BIN", System.getenv("NATS_SERVER_BIN"));
    if (explicit != null && !explicit.isBlank()) {
      Path path = Path.of(explicit);
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException(
            "NATS_SERVER_BIN=" + explicit + " is not an executable file");
      }
      return path;
    }
    Path pinned =
        Path.of(System.getProperty("user.home"), ".cache", "nats4j", "bin", "nats-server");
    if (Files.isExecutable(pinned)) {
      return pinned;
    }
    String pathVariable = System.getenv("PATH");
    if (pathVariable != null) {
      for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, "nats-server");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    // Debian's package installs to /usr/sbin, which is not on every user's PATH.
    for (String dir : new String[] {"/usr/sbin", "/usr/local/bin", "/usr/local/sbin"}) {
      Path candidate = Path.of(dir, "nats-server");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "nats-server not found (looked at NATS_SERVER_BIN, "
            + pinned
            + ", PATH and /usr/sbin): run scripts/nats-server-install");
  }

  private static String askVersion(Path binary) {
    try {
      Process process =
          new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(binary + " --version did not finish");
      }
      Matcher matcher = VERSION.matcher(output);
      if (!matcher.find()) {
        throw new IllegalStateException(binary + " --version printed no version: " + output);
      }
      return matcher.group(1);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + binary + " --version", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking " + binary + " for its version", e);
    }
  }
}

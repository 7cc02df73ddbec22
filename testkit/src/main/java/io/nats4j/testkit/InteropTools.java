package io.nats4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the other NATS clients that wire-compatibility tests compare nats4j with: the {@code nats}
 * CLI (nats.go underneath) and nats.js on Node, as installed by {@code scripts/interop-install}
 * into {@code ~/.cache/nats4j} (or {@code $NATS4J_CACHE}).
 *
 * <p>A test that needs a tool calls {@link #natsCli()} or {@link #nodeModules()} inside a JUnit
 * assumption, so it is skipped with the reason when the tool is missing, never silently passed.
 *
 * <p>Thread-safe: stateless.
 */
public final class InteropTools {

  private InteropTools() {}

  /** The result of one tool run: exit code and the two output streams as UTF-8 text. */
  public record Result(int exitCode, String stdout, String stderr) {

    /** {@return stdout, or throws with everything the tool printed when it failed} */
    public String expectSuccess() {
      if (exitCode != 0) {
        throw new IllegalStateException(
            "tool exited with " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
      }
      return stdout;
    }
  }

  /**
   * The {@code nats} CLI executable, if {@code scripts/interop-install} put it there.
   *
   * @return the path of the {@code nats} executable, or empty when it is not installed
   */
  public static Optional<Path> natsCli() {
    Path cli = cache().resolve("bin").resolve("nats");
    return Files.isExecutable(cli) ? Optional.of(cli) : Optional.empty();
  }

  /**
   * The {@code node_modules} folder holding nats.js, if installed, and Node is on the PATH.
   *
   * @return the {@code node_modules} folder, or empty when nats.js or Node is missing
   */
  public static Optional<Path> nodeModules() {
    Path modules = cache().resolve("node").resolve("node_modules");
    if (!Files.isDirectory(modules.resolve("@nats-io").resolve("transport-node"))) {
      return Optional.empty();
    }
    return onPath("node") ? Optional.of(modules) : Optional.empty();
  }

  /**
   * Runs the {@code nats} CLI against {@code serverUrl} with a private context directory (the
   * user's CLI contexts are never read) and waits up to {@code timeout}.
   *
   * @param serverUrl the server the CLI connects to
   * @param timeout how long the CLI may run before it is killed
   * @param args the CLI arguments after the connection options
   * @return the exit code and what the CLI printed
   * @throws IllegalStateException if the CLI is not installed or does not finish in time
   */
  public static Result nats(String serverUrl, Duration timeout, String... args) {
    Path cli =
        natsCli().orElseThrow(() -> new IllegalStateException("run scripts/interop-install"));
    List<String> command = new ArrayList<>();
    command.add(cli.toString());
    command.add("--server=" + serverUrl);
    command.add("--no-context");
    command.addAll(List.of(args));
    return run(command, Map.of(), null, timeout);
  }

  /**
   * Runs an ES module script with Node, nats.js resolvable from it, {@code NATS_URL} set to {@code
   * serverUrl}, and {@code stdin} (may be {@code null}) written to its input.
   *
   * @param serverUrl the server URL, given to the script as {@code NATS_URL}
   * @param script the ES module source to run
   * @param stdin bytes written to the script's input, or {@code null} for none
   * @param timeout how long the script may run before it is killed
   * @return the exit code and what the script printed
   * @throws IllegalStateException if nats.js or Node is missing, or the script does not finish
   */
  public static Result node(String serverUrl, String script, byte[] stdin, Duration timeout) {
    Path modules =
        nodeModules().orElseThrow(() -> new IllegalStateException("run scripts/interop-install"));
    try {
      // Node resolves bare imports from the script's folder upwards: put the script beside them.
      Path file = Files.createTempFile(modules.getParent(), "interop-", ".mjs");
      try {
        Files.writeString(file, script);
        return run(List.of("node", file.toString()), Map.of("NATS_URL", serverUrl), stdin, timeout);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Result run(
      List<String> command, Map<String, String> env, byte[] stdin, Duration timeout) {
    try {
      Path out = Files.createTempFile("interop-out", ".txt");
      Path err = Files.createTempFile("interop-err", ".txt");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        builder.environment().put("HOME", cache().toString());
        Process process = builder.start();
        try (var input = process.getOutputStream()) {
          if (stdin != null) {
            input.write(stdin);
          }
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
          throw new IllegalStateException(
              String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
  }

  private static Path cache() {
    String override = System.getenv("NATS4J_CACHE");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "nats4j");
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}

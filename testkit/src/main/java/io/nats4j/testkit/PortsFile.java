package io.nats4j.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code <binary>_<pid>.ports} file nats-server writes to {@code ports_file_dir} once its
 * listeners are up, e.g. {@code {"nats":["nats://127.0.0.1:4222"],"monitoring":[...]}}.
 */
final class PortsFile {

  private static final Pattern PORT_ENTRY =
      Pattern.compile(
          "\"(nats|monitoring|websocket|cluster)\"\\s*:\\s*\\[\\s*\"[a-z]+://[^\"]*:(\\d+)\"");

  private PortsFile() {}

  /** Returns the ports by kind (nats, monitoring, websocket, cluster), or empty if no file yet. */
  static Optional<Map<String, Integer>> read(Path dir, long pid) {
    String suffix = "_" + pid + ".ports";
    try (Stream<Path> files = Files.list(dir)) {
      Optional<Path> file =
          files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
      if (file.isEmpty()) {
        return Optional.empty();
      }
      Map<String, Integer> ports = new HashMap<>();
      Matcher matcher = PORT_ENTRY.matcher(Files.readString(file.get()));
      while (matcher.find()) {
        ports.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
      }
      return Optional.of(ports);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}

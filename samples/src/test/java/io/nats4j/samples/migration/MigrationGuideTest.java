package io.nats4j.samples.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/MIGRATING-FROM-JNATS.md shows nats4j code only as regions of {@link JnatsMigration}, which
 * the build compiles: every {@code <!-- snippet:NAME -->} block must equal the region {@code NAME}
 * (dedented), every region must be shown, and every Java block must say which side it is on.
 */
class MigrationGuideTest {
  private static final Path GUIDE = Path.of("..", "docs", "MIGRATING-FROM-JNATS.md");
  private static final Path SOURCE =
      Path.of("src/main/java/io/nats4j/samples/migration/JnatsMigration.java");
  private static final Pattern REGION_START = Pattern.compile("\\s*// \\[snippet:([a-z-]+)]\\s*");
  private static final Pattern REGION_END = Pattern.compile("\\s*// \\[end]\\s*");
  private static final Pattern MARKER = Pattern.compile("<!-- (snippet:([a-z-]+)|jnats) -->");

  @Test
  void everyNats4jBlockOfTheGuideIsARegionOfTheCompiledSource() throws IOException {
    Map<String, String> regions = regions(Files.readAllLines(SOURCE));
    Map<String, String> shown = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(GUIDE);
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("```java")) {
        continue;
      }
      String marker = i > 0 ? lines.get(i - 1).trim() : "";
      Matcher m = MARKER.matcher(marker);
      if (!m.matches()) {
        fail(
            "line "
                + (i + 1)
                + ": a Java block without <!-- snippet:NAME --> (nats4j, compiled) or <!-- jnats"
                + " --> right above it");
      }
      int end = i + 1;
      while (!lines.get(end).startsWith("```")) {
        end++;
      }
      if (m.group(2) != null) {
        shown.put(m.group(2), String.join("\n", lines.subList(i + 1, end)));
      }
      i = end;
    }
    for (Map.Entry<String, String> block : shown.entrySet()) {
      String region = regions.get(block.getKey());
      assertTrue(
          region != null, "the guide shows snippet " + block.getKey() + ", not in the source");
      assertEquals(
          region,
          block.getValue(),
          "snippet "
              + block.getKey()
              + " of docs/MIGRATING-FROM-JNATS.md differs from its region in JnatsMigration.java;"
              + " copy the region (dedented) into the guide");
    }
    List<String> unshown = new ArrayList<>(regions.keySet());
    unshown.removeAll(shown.keySet());
    assertTrue(unshown.isEmpty(), "regions not shown in the guide: " + unshown);
    assertFalse(shown.isEmpty());
  }

  /** The regions between the markers, dedented by their common indentation. */
  static Map<String, String> regions(List<String> source) {
    Map<String, String> regions = new LinkedHashMap<>();
    String name = null;
    List<String> body = new ArrayList<>();
    for (String line : source) {
      Matcher start = REGION_START.matcher(line);
      if (start.matches()) {
        name = start.group(1);
        body = new ArrayList<>();
      } else if (name != null && REGION_END.matcher(line).matches()) {
        regions.put(name, dedent(body));
        name = null;
      } else if (name != null) {
        body.add(line);
      }
    }
    return regions;
  }

  private static String dedent(List<String> body) {
    int indent =
        body.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    List<String> out = new ArrayList<>();
    for (String l : body) {
      out.add(l.isBlank() ? "" : l.substring(indent));
    }
    return String.join("\n", out);
  }
}

package io.nats4j.jetstream.internal.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nats4j.jetstream.internal.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullRequestTest {

  @Test
  void encodesByteForByteAsTheMapper() {
    Duration s30 = Duration.ofSeconds(30);
    Duration s15 = Duration.ofSeconds(15);
    List<PullRequest> requests =
        List.of(
            new PullRequest(500, 0, s30, false, s15, null, 0, 0, null, 0),
            new PullRequest(250, 0, s30, false, s15, null, 0, 0, null, 0),
            new PullRequest(1, 0, null, true, null, null, 0, 0, null, 0),
            new PullRequest(0, 0, null, false, null, null, 0, 0, null, 0),
            new PullRequest(
                100, 1 << 20, Duration.ofMillis(1500), false, null, null, 0, 0, null, 0),
            new PullRequest(10, 0, s30, true, s15, "jobs", 5, 7, "PINID123", 3),
            new PullRequest(10, 0, Duration.ZERO, false, Duration.ZERO, "g", 0, 0, null, 0),
            new PullRequest(
                Long.MAX_VALUE,
                Long.MAX_VALUE,
                s30,
                false,
                s15,
                "q\"u\\o\tt\u0001e",
                1,
                1,
                "é",
                1));
    for (PullRequest r : requests) {
      assertEquals(
          new String(JsonMapper.write(r), StandardCharsets.UTF_8),
          new String(r.toJson(), StandardCharsets.UTF_8),
          r.toString());
    }
  }
}

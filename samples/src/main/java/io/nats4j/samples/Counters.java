package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.Counter;
import io.nats4j.jetstream.CounterEntry;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.StreamConfig;
import java.math.BigInteger;

/**
 * Distributed counters (nats-server 2.12+, stream option allow_msg_counter): every subject of the
 * stream is a counter; increments return the new total, kept as an arbitrary-precision integer.
 *
 * <p>Run: {@code Counters <server-url>} (the server needs JetStream).
 */
public final class Counters {

  private Counters() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url);
        JetStream js = JetStream.of(nc)) {
      js.streams()
          .create(
              StreamConfig.builder("SAMPLE_HITS").subjects("hits.>").allowMsgCounter(true).build());
      try {
        Counter hits = js.counter("SAMPLE_HITS");
        hits.increment("hits.home", 1);
        hits.increment("hits.home", 41);
        BigInteger now = hits.increment("hits.home", -2);
        System.out.println("hits.home is now " + now);
        BigInteger huge = hits.increment("hits.huge", BigInteger.TWO.pow(100));
        System.out.println("hits.huge is now " + huge + " (2^100)");
        CounterEntry entry = hits.get("hits.home");
        System.out.println(
            "read back: " + entry.value() + ", last increment " + entry.lastIncrement());
      } finally {
        js.streams().delete("SAMPLE_HITS");
      }
    }
  }
}

package io.nats4j.client.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.nats4j.client.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated server streams: whatever the bytes, the parser and the codecs either succeed or fail with
 * their documented exception, never with an index error, a negative array size or an OOM.
 */
class ProtocolFuzzTest {
  private static final int ROUNDS = 3_000;

  @Test
  void parserFailsOnlyWithProtocolException() {
    byte[] corpus = ProtocolParserTest.corpus().bytes();
    // The corpus has a 70 KB message; fuzz a prefix without it to keep rounds fast, plus the end.
    byte[] small = Arrays.copyOf(corpus, 2_000);
    Random random = new Random(7);
    int rejected = 0;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] input = mutate(round % 10 == 0 ? corpus : small, random);
      ProtocolParser parser = new ProtocolParser(ProtocolParser.DEFAULT_MAX_CONTROL_LINE, 1 << 20);
      try {
        int pos = 0;
        while (pos < input.length) {
          int n = Math.min(input.length - pos, 1 + random.nextInt(64));
          parser.parse(input, pos, n, op -> {});
          pos += n;
        }
      } catch (ProtocolException expected) {
        rejected++;
      } catch (RuntimeException | Error e) {
        fail("round " + round + " failed with " + e, e);
      }
    }
    assertTrue(rejected > ROUNDS / 10, "mutations should break the stream often: " + rejected);
  }

  @Test
  void headersDecodeFailsOnlyWithProtocolException() {
    byte[] block =
        ("NATS/1.0 100 Idle Heartbeat\r\nNats-Last-Consumer: 7\r\nA: b:c\r\nA:  d\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    Random random = new Random(8);
    for (int round = 0; round < ROUNDS; round++) {
      byte[] input = mutate(block, random);
      try {
        HeadersCodec.decode(input);
      } catch (ProtocolException expected) {
        // fine
      } catch (RuntimeException | Error e) {
        fail("round " + round + " failed with " + e, e);
      }
    }
  }

  @Test
  void infoJsonFailsOnlyWithProtocolException() throws Exception {
    byte[] json;
    try (var in = getClass().getResourceAsStream("info-2.15.2-cluster.txt")) {
      json = in.readAllBytes();
    }
    json = Arrays.copyOfRange(json, 5, json.length - 2); // strip "INFO " and CRLF
    Random random = new Random(9);
    for (int round = 0; round < ROUNDS; round++) {
      String input = new String(mutate(json, random), StandardCharsets.ISO_8859_1);
      try {
        Info.fromJson(input);
      } catch (ProtocolException expected) {
        // fine
      } catch (RuntimeException | Error e) {
        fail("round " + round + " failed on " + input + " with " + e, e);
      }
    }
  }

  /** One to four random edits: flip, overwrite with a protocol-significant byte, insert, delete. */
  private static byte[] mutate(byte[] original, Random random) {
    byte[] b = original.clone();
    byte[] interesting = {'\r', '\n', ' ', '\t', '-', '0', '9', ':', '"', '{', '}', '\\', 0, -1};
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = random.nextInt(b.length);
      switch (random.nextInt(4)) {
        case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
        case 1 -> b[at] = interesting[random.nextInt(interesting.length)];
        case 2 -> {
          byte[] longer = new byte[b.length + 1];
          System.arraycopy(b, 0, longer, 0, at);
          longer[at] = interesting[random.nextInt(interesting.length)];
          System.arraycopy(b, at, longer, at + 1, b.length - at);
          b = longer;
        }
        default -> {
          byte[] shorter = new byte[b.length - 1];
          System.arraycopy(b, 0, shorter, 0, at);
          System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
          b = shorter;
        }
      }
    }
    return b;
  }
}

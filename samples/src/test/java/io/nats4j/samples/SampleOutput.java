package io.nats4j.samples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a sample's main method and returns what it printed (also echoed to the real stdout). */
final class SampleOutput {
  private SampleOutput() {}

  /** A sample's main method. */
  interface Sample {
    void run() throws Exception;
  }

  static String run(Sample sample) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      sample.run();
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    original.print(out);
    return out;
  }
}

package io.nats4j.jetstream.internal.batch;

/**
 * The reply subject that carries a fast-ingest batch's control state (ADR-50): {@code
 * <inbox>.<batch id>.<initial flow>.<ok|fail>.<batch seq>.<operation>.$FI}. The batch id is the
 * last token of the inbox prefix the publisher subscribes to ({@code <inbox>.<batch id>.>}).
 *
 * <p>Thread-safety: immutable.
 *
 * @param prefix the inbox and batch id, e.g. {@code _INBOX.abc.batch1}
 * @param batchId the batch id (the prefix's last token)
 * @param flow the initial (maximum) number of messages per flow ack the client asks for
 * @param gapOk true if gaps are reported and tolerated, false if a gap ends the batch
 * @param sequence the batch sequence (1-based)
 * @param operation what the message does
 */
public record FastBatchReply(
    String prefix, String batchId, int flow, boolean gapOk, long sequence, Operation operation) {
  /** The suffix that marks a fast-ingest reply subject. */
  public static final String SUFFIX = ".$FI";

  /** The operation token of the reply subject, in wire order. */
  public enum Operation {
    /** The first message of a batch. */
    START,
    /** A following message. */
    APPEND,
    /** The last message: store it and commit. */
    COMMIT,
    /** Commit without storing this message (end of batch). */
    COMMIT_EOB,
    /** Keep the batch alive and have the last flow ack sent again. */
    PING
  }

  /**
   * Returns the part of every reply subject of a batch before the sequence: {@code
   * <prefix>.<flow>.<ok|fail>.}.
   *
   * @param prefix the inbox and batch id
   * @param flow the initial flow
   * @param gapOk the gap mode
   * @return the base
   */
  public static String base(String prefix, int flow, boolean gapOk) {
    return prefix + "." + flow + "." + (gapOk ? "ok" : "fail") + ".";
  }

  /**
   * Returns a reply subject from its base, the sequence and the operation.
   *
   * @param base from {@link #base}
   * @param sequence the batch sequence
   * @param operation the operation
   * @return the reply subject
   */
  public static String format(String base, long sequence, Operation operation) {
    return base + sequence + "." + operation.ordinal() + SUFFIX;
  }

  /**
   * Parses a reply subject the way the server does (nats-server {@code getFastBatch}).
   *
   * @param reply the reply subject
   * @return the parts
   * @throws IllegalArgumentException naming what is wrong, if it is not a valid fast-ingest reply
   */
  public static FastBatchReply parse(String reply) {
    if (reply == null || !reply.endsWith(SUFFIX) || reply.length() <= SUFFIX.length()) {
      throw new IllegalArgumentException(
          "not a fast-ingest reply subject (no .$FI suffix): " + reply);
    }
    String[] t = reply.substring(0, reply.length() - SUFFIX.length()).split("\\.", -1);
    if (t.length < 6) {
      throw new IllegalArgumentException(
          "a fast-ingest reply subject needs <prefix>.<id>.<flow>.<gap>.<seq>.<op>.$FI: " + reply);
    }
    int n = t.length;
    Operation op = operation(t[n - 1], reply);
    long seq = number(t[n - 2], "batch sequence", reply);
    if (seq < 1) {
      throw new IllegalArgumentException("the batch sequence must be at least 1: " + reply);
    }
    if (op == Operation.START && seq != 1) {
      throw new IllegalArgumentException("a batch starts at sequence 1: " + reply);
    }
    if (op == Operation.APPEND && seq == 1) {
      throw new IllegalArgumentException("an append follows sequence 1: " + reply);
    }
    if (op == Operation.COMMIT_EOB && seq == 1) {
      throw new IllegalArgumentException(
          "an end-of-batch commit needs a message before it: " + reply);
    }
    boolean gapOk =
        switch (t[n - 3]) {
          case "ok" -> true;
          case "fail" -> false;
          default ->
              throw new IllegalArgumentException(
                  "the gap mode must be ok or fail, not '" + t[n - 3] + "': " + reply);
        };
    long flow = number(t[n - 4], "flow", reply);
    String id = t[n - 5];
    if (id.isEmpty() || id.length() > 64) {
      throw new IllegalArgumentException("the batch id must have 1 to 64 characters: " + reply);
    }
    // The server treats a flow of 0 as its default 10 and caps it at 65535.
    int effectiveFlow = flow <= 0 ? 10 : (int) Math.min(flow, 65535);
    String prefix = String.join(".", java.util.Arrays.copyOfRange(t, 0, n - 4));
    return new FastBatchReply(prefix, id, effectiveFlow, gapOk, seq, op);
  }

  private static Operation operation(String token, String reply) {
    long op = number(token, "operation", reply);
    if (op < 0 || op >= Operation.values().length) {
      throw new IllegalArgumentException("unknown fast-ingest operation " + op + ": " + reply);
    }
    return Operation.values()[(int) op];
  }

  private static long number(String token, String what, String reply) {
    try {
      return Long.parseLong(token);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the " + what + " must be a number, not '" + token + "': " + reply, e);
    }
  }
}

package io.nats4j.nkeys;

import java.util.Arrays;

/**
 * Finds the JWT and seed blocks of a creds file in a char array without copying the seed into a
 * {@link String}.
 *
 * <p>Accepted: a leading BOM, CRLF or LF line ends, spaces and tabs around any line, blank lines
 * inside a block, marker lines with any number (at least three) of dashes, text outside blocks (the
 * usual "IMPORTANT" banner). Rejected with a message naming the problem (never the content): a
 * missing, empty, unterminated or duplicated block, more than one token inside a block.
 */
final class CredsParser {
  private static final String[] KINDS = {"JWT", "seed"};

  /** Start/end offsets of each block's single token, indexed like {@link #KINDS}. */
  private final int[] start = {-1, -1};

  private final int[] end = {-1, -1};
  private final char[] text;

  private CredsParser(char[] text) {
    this.text = text;
  }

  /** Parses {@code text}; the caller keeps ownership of the array. */
  static Creds parse(char[] text) {
    CredsParser parser = new CredsParser(text);
    parser.scan();
    String jwt = new String(text, parser.start[0], parser.end[0] - parser.start[0]);
    if (jwt.split("\\.", -1).length != 3) {
      throw new IllegalArgumentException(
          "creds: the JWT block does not hold a JWT (expected header.payload.signature)");
    }
    char[] seed = Arrays.copyOfRange(text, parser.start[1], parser.end[1]);
    NKey key;
    try {
      key = NKey.fromSeed(seed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "creds: invalid seed in the seed block: " + e.getMessage());
    } finally {
      Arrays.fill(seed, '\0');
    }
    if (key.type() != KeyType.USER) {
      key.close();
      throw new IllegalArgumentException(
          "creds: the seed block holds "
              + (key.type() == KeyType.ACCOUNT || key.type() == KeyType.OPERATOR ? "an " : "a ")
              + key.type().name().toLowerCase(java.util.Locale.ROOT)
              + " seed, expected a user seed (SU...)");
    }
    return new Creds(jwt, key);
  }

  private void scan() {
    int position = text.length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    int openKind = -1;
    int lineNumber = 0;
    while (position < text.length) {
      lineNumber++;
      int lineStart = position;
      int lineEnd = position;
      while (lineEnd < text.length && text[lineEnd] != '\n') {
        lineEnd++;
      }
      int from = position;
      int to = lineEnd;
      while (from < to && isBlank(text[from])) {
        from++;
      }
      while (to > from && isBlank(text[to - 1])) {
        to--;
      }
      position = lineEnd + 1;
      if (from == to) {
        continue;
      }
      if (isMarker(from, to)) {
        String label = markerLabel(from, to);
        if (openKind < 0) {
          openKind = beginKind(label, lineNumber);
        } else {
          if (!label.startsWith("END")) {
            throw new IllegalArgumentException(
                "creds: the " + KINDS[openKind] + " block is not closed before line " + lineNumber);
          }
          if (start[openKind] < 0) {
            throw new IllegalArgumentException("creds: the " + KINDS[openKind] + " block is empty");
          }
          openKind = -1;
        }
      } else if (openKind >= 0) {
        if (start[openKind] >= 0) {
          throw new IllegalArgumentException(
              "creds: unexpected extra content inside the "
                  + KINDS[openKind]
                  + " block at line "
                  + lineNumber);
        }
        for (int i = from; i < to; i++) {
          if (!isTokenChar(text[i])) {
            throw new IllegalArgumentException(
                "creds: unexpected character inside the "
                    + KINDS[openKind]
                    + " block at line "
                    + lineNumber
                    + ", column "
                    + (i - lineStart + 1));
          }
        }
        start[openKind] = from;
        end[openKind] = to;
      }
    }
    if (openKind >= 0) {
      throw new IllegalArgumentException(
          "creds: the " + KINDS[openKind] + " block has no END line");
    }
    if (start[0] < 0) {
      throw new IllegalArgumentException(
          "creds: no JWT block (-----BEGIN NATS USER JWT-----) found");
    }
    if (start[1] < 0) {
      throw new IllegalArgumentException(
          "creds: no seed block (-----BEGIN USER NKEY SEED-----) found");
    }
  }

  private int beginKind(String label, int lineNumber) {
    if (!label.startsWith("BEGIN")) {
      throw new IllegalArgumentException(
          "creds: END marker without a BEGIN marker at line " + lineNumber);
    }
    int kind;
    if (label.endsWith("JWT")) {
      kind = 0;
    } else if (label.endsWith("SEED")) {
      kind = 1;
    } else {
      throw new IllegalArgumentException(
          "creds: unknown block at line " + lineNumber + " (expected a JWT or NKEY SEED block)");
    }
    if (start[kind] >= 0) {
      throw new IllegalArgumentException("creds: more than one " + KINDS[kind] + " block");
    }
    return kind;
  }

  /** A line of at least three dashes, some text, and at least three dashes. */
  private boolean isMarker(int from, int to) {
    return to - from >= 6
        && text[from] == '-'
        && text[from + 1] == '-'
        && text[from + 2] == '-'
        && text[to - 1] == '-'
        && text[to - 2] == '-'
        && text[to - 3] == '-';
  }

  /** The marker's text without dashes and surrounding blanks, upper-cased (not secret). */
  private String markerLabel(int from, int to) {
    while (from < to && text[from] == '-') {
      from++;
    }
    while (to > from && text[to - 1] == '-') {
      to--;
    }
    return new String(text, from, to - from).trim().toUpperCase(java.util.Locale.ROOT);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF';
  }

  /** Characters of a JWT ({@code [A-Za-z0-9_-.=]}) or seed. */
  private static boolean isTokenChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '=';
  }
}

package io.nats4j.jetstream;

/** Validation of stream and consumer names (ADR-6), shared by the builders and the context. */
final class Names {
  private Names() {}

  /**
   * Checks a stream or consumer name: not empty, no whitespace, no {@code . * > / \}, no control
   * characters, at most 255 characters.
   *
   * @param what what the name is for, used in the message
   * @param name the name
   * @return the name
   * @throws IllegalArgumentException naming what is wrong
   */
  static String requireValidName(String what, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(what + " is required");
    }
    if (name.length() > 255) {
      throw new IllegalArgumentException(what + " is longer than 255 characters");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c == 0x7f || c == '.' || c == '*' || c == '>' || c == '/' || c == '\\') {
        throw new IllegalArgumentException(
            what
                + " '"
                + name
                + "' contains '"
                + (c <= ' ' ? "whitespace or a control character" : String.valueOf(c))
                + "'; names may not contain whitespace, '.', '*', '>', '/' or '\\'");
      }
    }
    return name;
  }
}

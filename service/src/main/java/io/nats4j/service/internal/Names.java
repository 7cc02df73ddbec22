package io.nats4j.service.internal;

import java.util.regex.Pattern;

/**
 * The ADR-32 validation rules, each failing with a message that names the field and the rule.
 *
 * <p>Thread-safety: stateless.
 */
public final class Names {
  // ADR-32: service and endpoint names: A-Z, a-z, 0-9, dash, underscore
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
  // the official SemVer regex (semver.org), as ADR-32 asks
  private static final Pattern SEMVER =
      Pattern.compile(
          "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
              + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

  private Names() {}

  /**
   * Checks a service or endpoint name.
   *
   * @param what "service name" or "endpoint name"
   * @param name the name
   * @return the name
   */
  public static String name(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid "
              + what
              + " '"
              + name
              + "': it must be non-empty and use only A-Z, a-z, 0-9, '-' and '_' (ADR-32)");
    }
    return name;
  }

  /**
   * Checks a version.
   *
   * @param version the version
   * @return the version
   */
  public static String version(String version) {
    if (version == null || !SEMVER.matcher(version).matches()) {
      throw new IllegalArgumentException(
          "invalid service version '"
              + version
              + "': it must be a SemVer 2.0 version such as 1.0.0 or 2.1.0-rc.1 (ADR-32)");
    }
    return version;
  }

  /**
   * Checks an endpoint subject: tokens separated by dots, none empty, no whitespace, {@code >} only
   * as the last token.
   *
   * @param what which subject, for the message
   * @param subject the subject
   * @return the subject
   */
  public static String subject(String what, String subject) {
    String problem = subjectProblem(subject, true);
    if (problem != null) {
      throw new IllegalArgumentException("invalid " + what + " '" + subject + "': " + problem);
    }
    return subject;
  }

  /**
   * Checks a group prefix: like a subject, but {@code >} is not allowed.
   *
   * @param prefix the group name
   * @return the prefix
   */
  public static String group(String prefix) {
    String problem = subjectProblem(prefix, false);
    if (problem != null) {
      throw new IllegalArgumentException("invalid group name '" + prefix + "': " + problem);
    }
    return prefix;
  }

  /**
   * Checks a queue group name: one or more characters, no whitespace.
   *
   * @param what where it was set, for the message
   * @param queue the queue group
   * @return the queue group
   */
  public static String queueGroup(String what, String queue) {
    if (queue == null || queue.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid " + what + " queue group: it must not be empty (use noQueueGroup() for none)");
    }
    for (int i = 0; i < queue.length(); i++) {
      if (Character.isWhitespace(queue.charAt(i)) || queue.charAt(i) == '>') {
        throw new IllegalArgumentException(
            "invalid " + what + " queue group '" + queue + "': no whitespace or '>' allowed");
      }
    }
    return queue;
  }

  /**
   * Checks a discovery API prefix: a subject prefix without wildcards.
   *
   * @param prefix the prefix, e.g. {@code $SRV}
   * @return the prefix
   */
  public static String apiPrefix(String prefix) {
    String problem = subjectProblem(prefix, false);
    if (problem == null && prefix.contains("*")) {
      problem = "wildcards are not allowed";
    }
    if (problem != null && !problem.startsWith("$SRV")) {
      throw new IllegalArgumentException("invalid API prefix '" + prefix + "': " + problem);
    }
    return prefix;
  }

  private static String subjectProblem(String subject, boolean wildcardTail) {
    if (subject == null || subject.isEmpty()) {
      return "it must not be empty";
    }
    String[] tokens = subject.split("\\.", -1);
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.isEmpty()) {
        return "empty token (a leading, trailing or double '.')";
      }
      for (int c = 0; c < t.length(); c++) {
        if (Character.isWhitespace(t.charAt(c))) {
          return "whitespace is not allowed in a subject";
        }
      }
      if (t.contains(">")) {
        if (!wildcardTail) {
          return "'>' is not allowed (a group is a subject prefix)";
        }
        if (!t.equals(">") || i != tokens.length - 1) {
          return "'>' is allowed only as the last token";
        }
      }
      if (t.contains("*") && !t.equals("*")) {
        return "'*' must be a whole token";
      }
    }
    if (subject.startsWith("$SRV.") || subject.equals("$SRV")) {
      return "$SRV is reserved for service discovery (ADR-32)";
    }
    return null;
  }
}

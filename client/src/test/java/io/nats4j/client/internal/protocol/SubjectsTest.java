package io.nats4j.client.internal.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "foo",
        "foo.bar",
        "a.b.c.d.e",
        "_INBOX.abc.123",
        "$JS.API.INFO",
        "foo-bar_baz",
        "foo.a*",
        "foo.*b",
        "a>b.c",
        "ünï.cödé",
        "emoji.😀",
        "1.2.3",
        "x"
      })
  void validPublishSubjects(String subject) {
    assertArrayEquals(subject.getBytes(UTF_8), Subjects.validatePublishSubject(subject));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        ".foo",
        "foo.",
        "foo..bar",
        "foo bar",
        "foo\tbar",
        "foo\rbar",
        "foo\nbar",
        "foo\u0000bar",
        "foo\u007fbar",
        " foo",
        "foo ",
        "*",
        ">",
        "foo.*",
        "foo.>",
        "*.foo",
        "foo.*.bar",
        "foo\r\nPUB evil 0\r\n",
        "bad\ud800surrogate"
      })
  void invalidPublishSubjects(String subject) {
    assertThrows(IllegalArgumentException.class, () -> Subjects.validatePublishSubject(subject));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"foo", "foo.*", "*", ">", "foo.>", "*.*.>", "foo.*.bar", "*.bar", "a*.b>", "ü.*"})
  void validSubscribeSubjects(String subject) {
    assertDoesNotThrow(() -> Subjects.validateSubscribeSubject(subject));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "foo.",
        ".foo",
        "foo..bar",
        ">.foo",
        "foo.>.bar",
        "foo.>.>",
        "foo bar",
        "foo\tbar",
        "foo\r",
        "\nfoo",
        "foo\u0000"
      })
  void invalidSubscribeSubjects(String subject) {
    assertThrows(IllegalArgumentException.class, () -> Subjects.validateSubscribeSubject(subject));
  }

  @ParameterizedTest
  @ValueSource(strings = {"workers", "q.1", "Q-_x", "ünï"})
  void validQueueGroups(String queue) {
    assertDoesNotThrow(() -> Subjects.validateQueueGroup(queue));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a\tb", "a\r", "a\n", "\u0000", "a\u007f"})
  void invalidQueueGroups(String queue) {
    assertThrows(IllegalArgumentException.class, () -> Subjects.validateQueueGroup(queue));
  }

  @Test
  void nullsAreRejectedWithAMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Subjects.validatePublishSubject(null));
    assertEquals("subject must not be null", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Subjects.validateSubscribeSubject(null));
    assertThrows(IllegalArgumentException.class, () -> Subjects.validateQueueGroup(null));
  }

  @Test
  void messagesNameTheSubjectWithControlCharactersEscaped() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Subjects.validatePublishSubject("foo\r\nPUB evil 0"));
    assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().contains("foo\\r\\nPUB evil 0"), e.getMessage());
    assertTrue(e.getMessage().contains("a CR at index 3"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> Subjects.validatePublishSubject("a..b"));
    assertTrue(e.getMessage().contains("\"a..b\"") && e.getMessage().contains("empty token"));

    e = assertThrows(IllegalArgumentException.class, () -> Subjects.validatePublishSubject("a.*"));
    assertTrue(e.getMessage().contains("wildcard"), e.getMessage());

    e =
        assertThrows(
            IllegalArgumentException.class, () -> Subjects.validateSubscribeSubject("a.>.b"));
    assertTrue(e.getMessage().contains("'>' must be last"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> Subjects.validateQueueGroup("a b"));
    assertTrue(e.getMessage().contains("queue group \"a b\" contains a space"), e.getMessage());
  }

  @Test
  void escapeCutsLongText() {
    String escaped = Subjects.escape("x".repeat(1000));
    assertTrue(escaped.length() < 300, escaped);
    assertTrue(escaped.endsWith("(1000 chars)"), escaped);
  }
}

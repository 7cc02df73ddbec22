package io.nats4j.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.objectstore.internal.Nuid;
import io.nats4j.objectstore.internal.ObjectNames;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectNamesTest {
  @Test
  void encodesNamesAsNatsGoDoes() {
    // URL-safe base64 with padding of the UTF-8 bytes (nats.go base64.URLEncoding).
    assertEquals("Y2Fmw6k=", ObjectNames.encode("café"));
    assertEquals("YSBiL2MuZCDDqQ==", ObjectNames.encode("a b/c.d é"));
    assertEquals("Pz8-", ObjectNames.encode("??>"));
    assertEquals("$O.B1.M.YSBiL2MuZCDDqQ==", ObjectNames.metaSubject("B1", "a b/c.d é"));
    assertEquals("$O.B1.C.abc", ObjectNames.chunkSubject("B1", "abc"));
    assertEquals("OBJ_B1", ObjectNames.stream("B1"));
  }

  @Test
  void refusesBadBucketNamesNamingTheProblem() {
    assertThrows(IllegalArgumentException.class, () -> ObjectNames.requireValidBucket(""));
    assertThrows(IllegalArgumentException.class, () -> ObjectNames.requireValidBucket(null));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ObjectNames.requireValidBucket("a.b"));
    assertTrue(e.getMessage().contains("'.'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ObjectNames.requireValidBucket("a b"));
    assertThrows(IllegalArgumentException.class, () -> ObjectNames.requireValidBucket("a*"));
    assertThrows(
        IllegalArgumentException.class, () -> ObjectNames.requireValidBucket("x".repeat(252)));
    assertEquals("Ok_-9", ObjectNames.requireValidBucket("Ok_-9"));
  }

  @Test
  void refusesBadObjectNames() {
    assertThrows(IllegalArgumentException.class, () -> ObjectNames.requireValidName("B", ""));
    assertThrows(IllegalArgumentException.class, () -> ObjectNames.requireValidName("B", null));
    assertThrows(
        IllegalArgumentException.class, () -> ObjectNames.requireValidName("B", "bad\uD800x"));
    assertThrows(
        IllegalArgumentException.class, () -> ObjectNames.requireValidName("B", "n".repeat(3000)));
    assertEquals("😀 ok", ObjectNames.requireValidName("B", "😀 ok"));
  }

  @Test
  void nuidsAreUniqueBase62Of22() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = Nuid.next();
      assertEquals(22, id.length());
      assertTrue(id.matches("[0-9A-Za-z]{22}"), id);
      assertTrue(seen.add(id), id);
    }
  }
}

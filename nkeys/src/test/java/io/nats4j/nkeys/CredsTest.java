package io.nats4j.nkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CredsTest {
  private static final String GO_CREDS = Vectors.creds();
  private static final String JWT = (String) Vectors.section("jwt").get("user");
  private static final String SEED = (String) Vectors.key(KeyType.USER).get("seed");
  private static final String USER_PUB = (String) Vectors.key(KeyType.USER).get("public_key");
  private static final String ACCOUNT_SEED = (String) Vectors.key(KeyType.ACCOUNT).get("seed");

  static Stream<Arguments> validVariants() {
    String minimal =
        "-----BEGIN NATS USER JWT-----\n"
            + JWT
            + "\n------END NATS USER JWT------\n"
            + "-----BEGIN USER NKEY SEED-----\n"
            + SEED
            + "\n------END USER NKEY SEED------\n";
    return Stream.of(
        Arguments.of("written by Go FormatUserConfig", GO_CREDS),
        Arguments.of("minimal, no banner", minimal),
        Arguments.of("CRLF line ends", GO_CREDS.replace("\n", "\r\n")),
        Arguments.of("leading BOM", "\uFEFF" + GO_CREDS),
        Arguments.of("tabs and spaces around lines", GO_CREDS.replace("\n", " \t\n\t  ")),
        Arguments.of("no final newline", minimal.stripTrailing()),
        Arguments.of("three dashes", minimal.replaceAll("-{5,6}", "---")),
        Arguments.of("many dashes", minimal.replaceAll("-{5,6}", "----------")),
        Arguments.of("blank lines inside blocks", minimal.replace(JWT, "\n\n" + JWT + "\n\n")),
        Arguments.of(
            "lower-case markers",
            minimal
                .toLowerCase()
                .replace(JWT.toLowerCase(), JWT)
                .replace(SEED.toLowerCase(), SEED)),
        Arguments.of(
            "seed block first",
            minimal.substring(minimal.indexOf("-----BEGIN USER"))
                + minimal.substring(0, minimal.indexOf("-----BEGIN USER"))),
        Arguments.of("text around blocks", "# my creds\n" + minimal + "trailing comment\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVariants")
  void acceptsVariantsOtherClientsAccept(String name, String text) {
    try (Creds creds = Creds.parse(text)) {
      assertEquals(JWT, creds.jwt());
      assertEquals(USER_PUB, creds.userKey().publicKey());
      assertTrue(creds.userKey().hasSeed());
    }
    try (Creds creds = Creds.parse(text.toCharArray())) {
      assertEquals(JWT, creds.jwt());
    }
  }

  static Stream<Arguments> invalidVariants() {
    String jwtBlock = "-----BEGIN NATS USER JWT-----\n" + JWT + "\n------END NATS USER JWT------\n";
    String seedBlock =
        "-----BEGIN USER NKEY SEED-----\n" + SEED + "\n------END USER NKEY SEED------\n";
    return Stream.of(
        Arguments.of("", "creds: no JWT block (-----BEGIN NATS USER JWT-----) found"),
        Arguments.of(seedBlock, "creds: no JWT block (-----BEGIN NATS USER JWT-----) found"),
        Arguments.of(jwtBlock, "creds: no seed block (-----BEGIN USER NKEY SEED-----) found"),
        Arguments.of(
            "-----BEGIN NATS USER JWT-----\n\n------END NATS USER JWT------\n" + seedBlock,
            "creds: the JWT block is empty"),
        Arguments.of(
            jwtBlock + "-----BEGIN USER NKEY SEED-----\n------END USER NKEY SEED------\n",
            "creds: the seed block is empty"),
        Arguments.of(
            jwtBlock + seedBlock.replace(SEED, ACCOUNT_SEED),
            "creds: the seed block holds an account seed, expected a user seed (SU...)"),
        Arguments.of(
            jwtBlock + seedBlock.replace(SEED, SEED + "\nJUNK"),
            "creds: unexpected extra content inside the seed block at line 6"),
        Arguments.of(
            jwtBlock + seedBlock.replace(SEED, SEED + " junk"),
            "creds: unexpected character inside the seed block at line 5, column 59"),
        Arguments.of(
            jwtBlock.replace(JWT, JWT + "!") + seedBlock,
            "creds: unexpected character inside the JWT block at line 2, column "
                + (JWT.length() + 1)),
        Arguments.of(
            jwtBlock + "-----BEGIN USER NKEY SEED-----\n" + SEED + "\n",
            "creds: the seed block has no END line"),
        Arguments.of(jwtBlock + jwtBlock + seedBlock, "creds: more than one JWT block"),
        Arguments.of(
            jwtBlock.replace(JWT, "notajwt") + seedBlock,
            "creds: the JWT block does not hold a JWT (expected header.payload.signature)"),
        Arguments.of(
            jwtBlock
                + seedBlock.replace(
                    SEED,
                    SEED.substring(0, 40)
                        + (SEED.charAt(40) == 'Q' ? 'R' : 'Q')
                        + SEED.substring(41)),
            "creds: invalid seed in the seed block: seed has a bad checksum (CRC16 mismatch)"),
        Arguments.of(
            jwtBlock + "-----BEGIN USER NKEY SEED-----\n" + SEED + "\n" + jwtBlock,
            "creds: the seed block is not closed before line 6"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidVariants")
  void rejectsInvalidVariantsWithoutEchoingSecrets(String text, String expectedMessage) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Creds.parse(text));
    assertEquals(expectedMessage, e.getMessage());
    NKeyTest.assertNoSecret(e, SEED);
    NKeyTest.assertNoSecret(e, ACCOUNT_SEED);
    assertFalse(e.getMessage().contains(JWT.substring(0, 30)));
  }

  @Test
  void parsesAFileAndClosingWipesTheSeed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("user.creds");
    Files.writeString(file, GO_CREDS, StandardCharsets.UTF_8);
    Creds creds = Creds.parse(file);
    assertEquals(JWT, creds.jwt());
    assertEquals("Creds[" + USER_PUB + "]", creds.toString());
    creds.close();
    assertThrows(IllegalStateException.class, () -> creds.userKey().sign(new byte[1]));
  }

  @Test
  void missingOrNonUtf8FileIsReported(@TempDir Path dir) throws Exception {
    assertThrows(java.io.UncheckedIOException.class, () -> Creds.parse(dir.resolve("absent")));
    Path binary = dir.resolve("binary.creds");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Creds.parse(binary));
    assertTrue(e.getMessage().contains("not valid UTF-8"));
  }

  @Test
  void formatWritesExactlyWhatGoWrites() {
    assertEquals(GO_CREDS, new String(Creds.format(JWT, SEED.toCharArray())));
  }

  @Test
  void formatRejectsANonUserSeedAndANonJwt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Creds.format(JWT, ACCOUNT_SEED.toCharArray()));
    NKeyTest.assertNoSecret(e, ACCOUNT_SEED);
    assertThrows(IllegalArgumentException.class, () -> Creds.format("x y", SEED.toCharArray()));
  }
}

package io.nats4j.client.internal.transport;

import static io.nats4j.client.internal.transport.TlsFixtures.file;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemReaderTest {

  @TempDir Path temp;

  @Test
  void readsCertificates() {
    List<X509Certificate> certificates = PemReader.readCertificates(file("server.pem"), "test");
    assertEquals(1, certificates.size());
    assertEquals("CN=localhost", certificates.get(0).getSubjectX500Principal().getName());
  }

  @Test
  void readsPkcs1RsaKeyAsTheSameKeyAsItsPkcs8Form() throws Exception {
    PrivateKey pkcs1 = PemReader.readPrivateKey(file("server-key-pkcs1.pem"), "test");
    PrivateKey pkcs8 = PemReader.readPrivateKey(file("server-key-pkcs8.pem"), "test");
    assertEquals("RSA", pkcs1.getAlgorithm());
    assertArrayEquals(pkcs8.getEncoded(), pkcs1.getEncoded());
    assertKeyMatchesCertificate(pkcs1, "server.pem", "SHA256withRSA");
  }

  @Test
  void readsSec1EcKeyWithLeadingParametersBlock() throws Exception {
    PrivateKey sec1 = PemReader.readPrivateKey(file("client-key-sec1.pem"), "test");
    PrivateKey pkcs8 = PemReader.readPrivateKey(file("client-key-pkcs8.pem"), "test");
    assertEquals("EC", sec1.getAlgorithm());
    assertKeyMatchesCertificate(sec1, "client.pem", "SHA256withECDSA");
    assertKeyMatchesCertificate(pkcs8, "client.pem", "SHA256withECDSA");
  }

  @Test
  void readsEd25519Pkcs8Key() {
    PrivateKey key = PemReader.readPrivateKey(file("ed25519-key.pem"), "test");
    assertEquals("EdDSA", key.getAlgorithm());
  }

  @Test
  void decryptsEncryptedPkcs8KeyWithItsPassword() throws Exception {
    PrivateKey key =
        PemReader.readPrivateKey(file("client-key-encrypted.pem"), "test", "secret".toCharArray());
    PrivateKey plain = PemReader.readPrivateKey(file("client-key-pkcs8.pem"), "test");
    assertArrayEquals(plain.getEncoded(), key.getEncoded());
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PemReader.readPrivateKey(
                    file("client-key-encrypted.pem"), "k", "not-it".toCharArray()));
    assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
  }

  @Test
  void rejectsEncryptedKeyWithAdvice() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PemReader.readPrivateKey(file("client-key-encrypted.pem"), "clientKey"));
    assertTrue(e.getMessage().startsWith("clientKey: "), e.getMessage());
    assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
  }

  @Test
  void missingFileNamesThePath() {
    Path missing = temp.resolve("nope.pem");
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> PemReader.readPrivateKey(missing, "clientKey"));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class, () -> PemReader.readCertificates(missing, "ca"));
    assertTrue(e2.getMessage().contains(missing.toString()), e2.getMessage());
  }

  @Test
  void malformedKeyErrorNeverEchoesTheContent() throws Exception {
    String secretLooking = "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0";
    Path bad = temp.resolve("bad.pem");
    Files.writeString(
        bad,
        "-----BEGIN PRIVATE KEY-----\n" + secretLooking + "\n-----END PRIVATE KEY-----\n",
        StandardCharsets.US_ASCII);
    var e = assertThrows(IllegalArgumentException.class, () -> PemReader.readPrivateKey(bad, "k"));
    assertTrue(e.getMessage().contains("malformed"), e.getMessage());
    assertFalse(e.getMessage().contains(secretLooking.substring(0, 12)), e.getMessage());

    Path badBase64 = temp.resolve("bad64.pem");
    Files.writeString(
        badBase64, "-----BEGIN RSA PRIVATE KEY-----\n%%%%\n-----END RSA PRIVATE KEY-----\n");
    var e2 =
        assertThrows(
            IllegalArgumentException.class, () -> PemReader.readPrivateKey(badBase64, "k"));
    assertEquals("k: the private key in " + badBase64 + " is not valid base64", e2.getMessage());

    Path truncatedEc = temp.resolve("ec.pem");
    Files.writeString(
        truncatedEc, "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n");
    var e3 =
        assertThrows(
            IllegalArgumentException.class, () -> PemReader.readPrivateKey(truncatedEc, "k"));
    assertTrue(e3.getMessage().contains("malformed"), e3.getMessage());
  }

  @Test
  void fileWithoutKeyOrCertificateIsRejected() throws Exception {
    Path empty = temp.resolve("empty.pem");
    Files.writeString(empty, "nothing here\n");
    var e =
        assertThrows(IllegalArgumentException.class, () -> PemReader.readPrivateKey(empty, "k"));
    assertTrue(e.getMessage().contains("no BEGIN ... PRIVATE KEY block"), e.getMessage());
    var e2 =
        assertThrows(IllegalArgumentException.class, () -> PemReader.readCertificates(empty, "ca"));
    assertTrue(e2.getMessage().startsWith("ca: "), e2.getMessage());
  }

  private static void assertKeyMatchesCertificate(
      PrivateKey key, String certificate, String algorithm) throws Exception {
    PublicKey publicKey =
        PemReader.readCertificates(file(certificate), "test").get(0).getPublicKey();
    byte[] data = "proof of possession".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(data);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(publicKey);
    verifier.update(data);
    assertTrue(verifier.verify(signature), "key does not match " + certificate);
  }
}

package io.nats4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestCertificatesTest {

  @Test
  void serverCertificateIsSignedByTheCaAndNamesLocalhostOnly() throws Exception {
    TestCertificates certs = TestCertificates.generate();
    X509Certificate ca = read(certs.caCertificate());
    X509Certificate server = read(certs.serverCertificate());
    server.verify(ca.getPublicKey());
    assertEquals(List.of(List.of(2, "localhost")), sans(server));
    assertTrue(server.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"));
    assertTrue(ca.getBasicConstraints() >= 0);
    assertTrue(Files.readString(certs.serverKey()).startsWith("-----BEGIN PRIVATE KEY-----"));
  }

  @Test
  void clientCertificateIsForClientAuthentication() throws Exception {
    TestCertificates certs = TestCertificates.generate();
    X509Certificate client = read(certs.clientCertificate());
    client.verify(read(certs.caCertificate()).getPublicKey());
    assertEquals("CN=nats4j-client", client.getSubjectX500Principal().getName());
    assertTrue(client.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"));
    KeyStore keys = certs.clientKeyStore();
    assertTrue(keys.isKeyEntry("nats4j-client"));
    assertTrue(keys.getKey("nats4j-client", certs.clientKeyStorePassword()) != null);
    assertEquals(client, keys.getCertificate("nats4j-client"));
    assertTrue(Files.readString(certs.clientKey()).startsWith("-----BEGIN PRIVATE KEY-----"));
  }

  @Test
  void trustStoreHoldsTheCaOnlyAndIpNamesBecomeIpSans() throws Exception {
    TestCertificates certs = TestCertificates.generate("localhost", "127.0.0.1");
    KeyStore trust = certs.trustStore();
    assertEquals(1, trust.size());
    assertEquals(read(certs.caCertificate()), trust.getCertificate(trust.aliases().nextElement()));
    assertEquals(
        List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1")),
        sans(read(certs.serverCertificate())));
  }

  private static List<List<?>> sans(X509Certificate certificate) throws Exception {
    return certificate.getSubjectAlternativeNames().stream().<List<?>>map(List::copyOf).toList();
  }

  private static X509Certificate read(Path pem) throws IOException, Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}

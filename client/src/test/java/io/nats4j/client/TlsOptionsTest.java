package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsOptionsTest {

  @TempDir Path temp;

  @Test
  void defaultsAreSecure() throws Exception {
    TlsOptions options = TlsOptions.builder().build();
    assertNotNull(options.sslContext());
    assertEquals(Optional.empty(), options.serverName());
    assertFalse(options.isHandshakeFirst());
    assertFalse(options.isTrustAllCertificatesInsecure());
    assertTrue(options.toString().contains("JDK default trust store"), options.toString());
  }

  @Test
  void keepsGivenSslContextAndSettings() throws Exception {
    SSLContext context = SSLContext.getDefault();
    TlsOptions options =
        TlsOptions.builder().sslContext(context).serverName("nats.local").handshakeFirst().build();
    assertSame(context, options.sslContext());
    assertEquals(Optional.of("nats.local"), options.serverName());
    assertTrue(options.isHandshakeFirst());
  }

  @Test
  void trustAllIsVisibleInFlagAndToString() {
    TlsOptions options = TlsOptions.builder().trustAllCertificatesInsecure().build();
    assertTrue(options.isTrustAllCertificatesInsecure());
    assertTrue(options.toString().contains("INSECURE"), options.toString());
  }

  @Test
  void rejectsTwoTrustSourcesNamingThem() throws Exception {
    var e =
        assertThrows(
            IllegalStateException.class,
            () ->
                TlsOptions.builder()
                    .trustCertificates(fixture("ca.pem"))
                    .trustAllCertificatesInsecure()
                    .build());
    assertTrue(e.getMessage().contains("trustCertificates trustAllCertificatesInsecure"));
    assertThrows(
        IllegalStateException.class,
        () ->
            TlsOptions.builder()
                .sslContext(SSLContext.getDefault())
                .trustStore(KeyStore.getInstance("PKCS12"))
                .build());
  }

  @Test
  void rejectsTwoClientCertificateSources() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    var e =
        assertThrows(
            IllegalStateException.class,
            () ->
                TlsOptions.builder()
                    .clientCertificate(fixture("client.pem"), fixture("client-key-sec1.pem"))
                    .keyStore(store, new char[] {'x'})
                    .build());
    assertTrue(e.getMessage().contains("clientCertificate and keyStore"), e.getMessage());
    assertThrows(
        IllegalStateException.class,
        () ->
            TlsOptions.builder()
                .sslContext(SSLContext.getDefault())
                .clientCertificate(fixture("client.pem"), fixture("client-key-sec1.pem"))
                .build());
  }

  @Test
  void rejectsBadServerName() {
    assertThrows(IllegalArgumentException.class, () -> TlsOptions.builder().serverName(" "));
    assertThrows(IllegalArgumentException.class, () -> TlsOptions.builder().serverName("a b"));
    assertThrows(NullPointerException.class, () -> TlsOptions.builder().serverName(null));
  }

  @Test
  void missingCaFileIsNamedAtBuild() {
    Path missing = temp.resolve("ca-missing.pem");
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TlsOptions.builder().trustCertificates(missing).build());
    assertTrue(e.getMessage().startsWith("trustCertificates: "), e.getMessage());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void keyThatDoesNotFitTheCertificateIsRejected() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TlsOptions.builder()
                    .clientCertificate(fixture("client.pem"), fixture("server-key-pkcs1.pem"))
                    .build());
    assertTrue(e.getMessage().contains("RSA"), e.getMessage());
  }

  @Test
  void toStringShowsPathsButNoKeyMaterial() {
    TlsOptions options =
        TlsOptions.builder()
            .trustCertificates(fixture("ca.pem"))
            .clientCertificate(fixture("client.pem"), fixture("client-key-sec1.pem"))
            .build();
    String text = options.toString();
    assertTrue(text.contains("ca.pem") && text.contains("client.pem"), text);
    assertFalse(text.contains("client-key"), text);
    assertFalse(text.contains("BEGIN"), text);
  }

  @Test
  void keyStorePasswordIsCopiedNotKept() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = {'p', 'w'};
    TlsOptions.Builder builder = TlsOptions.builder().keyStore(store, password);
    builder.build();
    assertEquals("pw", new String(password), "the caller's array is left alone");
    var e = assertThrows(IllegalStateException.class, builder::build);
    assertTrue(e.getMessage().contains("wiped"), e.getMessage());
  }

  @Test
  void encryptedClientKeyWithPasswordBuildsAndPasswordIsWiped() {
    char[] password = "secret".toCharArray();
    TlsOptions.Builder builder =
        TlsOptions.builder()
            .trustCertificates(fixture("ca.pem"))
            .clientCertificate(
                fixture("client.pem"), fixture("client-key-encrypted.pem"), password);
    assertTrue(builder.build().toString().contains("client.pem"));
    assertEquals("secret", new String(password), "the caller's array is left alone");
    var e = assertThrows(IllegalStateException.class, builder::build);
    assertTrue(e.getMessage().contains("wiped"), e.getMessage());
    var noPassword =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TlsOptions.builder()
                    .clientCertificate(fixture("client.pem"), fixture("client-key-encrypted.pem"))
                    .build());
    assertTrue(noPassword.getMessage().contains("give its password"), noPassword.getMessage());
  }

  static Path fixture(String name) {
    try {
      return Path.of(TlsOptionsTest.class.getResource("/tls/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

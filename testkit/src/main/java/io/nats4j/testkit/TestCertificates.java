package io.nats4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI generated at test time with BouncyCastle: a CA, a server certificate and a
 * client certificate (for mutual TLS), all EC P-256 and signed by the CA, written as PEM files to a
 * temporary directory (deleted when the JVM exits).
 *
 * <p>Immutable and thread-safe once generated. By default the server certificate's only subject
 * alternative name is {@code DNS:localhost}: a client that verifies host names must connect to
 * {@code localhost}, not {@code 127.0.0.1} (use {@link #generate(String...)} for other names).
 *
 * <pre>{@code
 * TestCertificates certs = TestCertificates.generate();
 * NatsServer server = NatsServer.start(ServerConfig.builder().tls(certs).build());
 * SSLContext ssl = certs.clientSslContext(false);
 * }</pre>
 */
public final class TestCertificates {

  private static final List<Path> TO_DELETE = new CopyOnWriteArrayList<>();
  private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|.*:.*");

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> TO_DELETE.forEach(Processes::deleteRecursively),
                "nats4j-testkit-certificates-cleanup"));
  }

  private final Path dir;
  private final X509Certificate ca;
  private final X509Certificate client;
  private final KeyPair clientKeys;
  private final X509Certificate server;
  private final KeyPair serverKeys;
  private final char[] password = "nats4j-test".toCharArray();

  private TestCertificates(String[] serverNames) throws GeneralSecurityException, IOException {
    dir = Files.createTempDirectory("nats4j-certs-");
    TO_DELETE.add(dir);
    KeyPair caKeys = newKeyPair();
    X500Name caName = new X500Name("CN=nats4j test CA");
    ca = sign(caName, caName, caKeys.getPublic(), caKeys, true, null, null);
    serverKeys = newKeyPair();
    server =
        sign(
            new X500Name("CN=nats4j-server"),
            caName,
            serverKeys.getPublic(),
            caKeys,
            false,
            KeyPurposeId.id_kp_serverAuth,
            serverNames);
    clientKeys = newKeyPair();
    client =
        sign(
            new X500Name("CN=nats4j-client"),
            caName,
            clientKeys.getPublic(),
            caKeys,
            false,
            KeyPurposeId.id_kp_clientAuth,
            null);
    writePem(caCertificate(), ca);
    writePem(serverCertificate(), server);
    writePem(serverKey(), new JcaPKCS8Generator(serverKeys.getPrivate(), null).generate());
    writePem(clientCertificate(), client);
    writePem(clientKey(), new JcaPKCS8Generator(clientKeys.getPrivate(), null).generate());
  }

  /**
   * Generates a CA, a server certificate for {@code DNS:localhost} only, and a client one.
   *
   * @return the certificates, as files in a new temporary directory and in memory
   */
  public static TestCertificates generate() {
    return generate("localhost");
  }

  /**
   * Generates a CA, a server certificate with the given subject alternative names (host names or IP
   * literals, e.g. {@code "localhost", "127.0.0.1"}), and a client certificate.
   *
   * @param serverSubjectAltNames host names or IP literals the server certificate is valid for
   * @return the certificates, as files in a new temporary directory and in memory
   */
  public static TestCertificates generate(String... serverSubjectAltNames) {
    if (serverSubjectAltNames.length == 0) {
      throw new IllegalArgumentException("at least one subject alternative name is needed");
    }
    try {
      return new TestCertificates(serverSubjectAltNames.clone());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate test certificates", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write test certificates", e);
    }
  }

  /** {@return the CA certificate PEM file} */
  public Path caCertificate() {
    return dir.resolve("ca.pem");
  }

  /** {@return the server certificate PEM file} */
  public Path serverCertificate() {
    return dir.resolve("server-cert.pem");
  }

  /** {@return the server private key PEM file (PKCS#8)} */
  public Path serverKey() {
    return dir.resolve("server-key.pem");
  }

  /** {@return the client certificate PEM file (CN=nats4j-client)} */
  public Path clientCertificate() {
    return dir.resolve("client-cert.pem");
  }

  /** {@return the client private key PEM file (PKCS#8)} */
  public Path clientKey() {
    return dir.resolve("client-key.pem");
  }

  /** {@return a new PKCS#12 key store holding only the CA certificate} */
  public KeyStore trustStore() {
    try {
      KeyStore store = emptyStore();
      store.setCertificateEntry("nats4j-ca", ca);
      return store;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the trust store", e);
    }
  }

  /** {@return a new PKCS#12 key store with the client key and chain, protected by the password} */
  public KeyStore clientKeyStore() {
    return keyStore("nats4j-client", clientKeys, client);
  }

  /** {@return the password of {@link #clientKeyStore()} and its key entry (a copy)} */
  public char[] clientKeyStorePassword() {
    return password.clone();
  }

  /** {@return a new PKCS#12 key store with the server key and chain (for scripted fake servers)} */
  public KeyStore serverKeyStore() {
    return keyStore("nats4j-server", serverKeys, server);
  }

  /**
   * Returns a client TLS context that trusts this CA and, if asked, presents the client
   * certificate.
   *
   * @param presentClientCertificate whether the context presents the client certificate (for mTLS)
   * @return a client TLS context that trusts this CA and, if asked, presents the client certificate
   */
  public SSLContext clientSslContext(boolean presentClientCertificate) {
    return sslContext(presentClientCertificate ? clientKeyStore() : null);
  }

  /** {@return a server TLS context with the server certificate that trusts this CA} */
  public SSLContext serverSslContext() {
    return sslContext(serverKeyStore());
  }

  @Override
  public String toString() {
    return "TestCertificates[" + dir + "]";
  }

  private SSLContext sslContext(KeyStore keys) {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore());
      KeyManagerFactory keyManagers = null;
      if (keys != null) {
        keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keyManagers == null ? null : keyManagers.getKeyManagers(),
          trust.getTrustManagers(),
          new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context", e);
    }
  }

  private KeyStore keyStore(String alias, KeyPair keys, X509Certificate certificate) {
    try {
      KeyStore store = emptyStore();
      store.setKeyEntry(alias, keys.getPrivate(), password, new Certificate[] {certificate, ca});
      return store;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the key store", e);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return store;
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(
      X500Name subject,
      X500Name issuer,
      java.security.PublicKey publicKey,
      KeyPair issuerKeys,
      boolean isCa,
      KeyPurposeId purpose,
      String[] subjectAltNames)
      throws GeneralSecurityException, CertIOException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(2))),
            subject,
            publicKey);
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    builder.addExtension(
        Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (isCa) {
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
    }
    if (subjectAltNames != null) {
      List<GeneralName> names = new ArrayList<>();
      for (String name : subjectAltNames) {
        names.add(
            new GeneralName(
                IP_ADDRESS.matcher(name).matches() ? GeneralName.iPAddress : GeneralName.dNSName,
                name));
      }
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
    }
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign a certificate", e);
    }
  }

  private static void writePem(Path file, Object object) throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(writer)) {
      pem.writeObject(object);
    }
  }
}

package io.nats4j.client.internal.transport;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the {@link SSLContext} behind {@code TlsOptions} from trust and key material. Stateless
 * and thread-safe.
 */
public final class TlsContexts {

  private TlsContexts() {}

  /**
   * Creates an SSL context. At most one trust source may be set (none means the JDK default trust
   * store) and at most one client certificate source; {@code TlsOptions.Builder} checks that.
   *
   * @param caPem CA certificates to trust, or null
   * @param trustStore a trust store, or null
   * @param trustAll accept every certificate (insecure)
   * @param clientCertificatePem client certificate chain, or null
   * @param clientKeyPem its private key, or null
   * @param clientKeyPassword the password of an encrypted {@code clientKeyPem} (not wiped here), or
   *     null
   * @param keyStore a key store with the client key, or null
   * @param keyStorePassword the key store's key password (not wiped here), or null
   * @return an initialised context
   * @throws IllegalArgumentException if a file or store cannot be used; the message names it
   */
  public static SSLContext create(
      Path caPem,
      KeyStore trustStore,
      boolean trustAll,
      Path clientCertificatePem,
      Path clientKeyPem,
      char[] clientKeyPassword,
      KeyStore keyStore,
      char[] keyStorePassword) {
    TrustManager[] trustManagers = null;
    if (trustAll) {
      trustManagers = new TrustManager[] {new TlsTrustAllManager()};
    } else if (caPem != null) {
      trustManagers = trustManagers(trustStoreOf(caPem), "trustCertificates " + caPem);
    } else if (trustStore != null) {
      trustManagers = trustManagers(trustStore, "trustStore");
    }
    KeyManager[] keyManagers = null;
    if (clientCertificatePem != null) {
      keyManagers = keyManagersFromPem(clientCertificatePem, clientKeyPem, clientKeyPassword);
    } else if (keyStore != null) {
      keyManagers = keyManagers(keyStore, keyStorePassword, "keyStore");
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a TLS context: " + e.getMessage(), e);
    }
  }

  private static KeyStore trustStoreOf(Path caPem) {
    List<X509Certificate> certificates = PemReader.readCertificates(caPem, "trustCertificates");
    try {
      KeyStore store = emptyKeyStore();
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("ca-" + i, certificates.get(i));
      }
      return store;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("trustCertificates: cannot use " + caPem, e);
    }
  }

  private static TrustManager[] trustManagers(KeyStore store, String what) {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(what + ": cannot be used as trust material", e);
    }
  }

  private static KeyManager[] keyManagersFromPem(
      Path certificatePem, Path keyPem, char[] keyPassword) {
    List<X509Certificate> chain = PemReader.readCertificates(certificatePem, "clientCertificate");
    PrivateKey key = PemReader.readPrivateKey(keyPem, "clientCertificate key", keyPassword);
    if (!chain.get(0).getPublicKey().getAlgorithm().equals(key.getAlgorithm())
        && !(key.getAlgorithm().equals("EdDSA") || key.getAlgorithm().startsWith("Ed"))) {
      throw new IllegalArgumentException(
          "clientCertificate: the key in "
              + keyPem
              + " is "
              + key.getAlgorithm()
              + " but the certificate in "
              + certificatePem
              + " is for "
              + chain.get(0).getPublicKey().getAlgorithm());
    }
    // The store lives only in this method; a random password keeps the key encrypted in it.
    char[] password = randomPassword();
    try {
      KeyStore store = emptyKeyStore();
      store.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
      return keyManagers(store, password, "clientCertificate " + certificatePem);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "clientCertificate: cannot use " + certificatePem + " with " + keyPem, e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static KeyManager[] keyManagers(KeyStore store, char[] password, String what) {
    try {
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          what + ": cannot be used as a client certificate (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  private static KeyStore emptyKeyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
    return store;
  }

  private static char[] randomPassword() {
    SecureRandom random = new SecureRandom();
    char[] password = new char[24];
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) ('a' + random.nextInt(26));
    }
    return password;
  }
}

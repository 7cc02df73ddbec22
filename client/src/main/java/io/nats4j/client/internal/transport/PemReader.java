package io.nats4j.client.internal.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads X.509 certificates and unencrypted private keys from PEM files with the JDK alone (the
 * client has no BouncyCastle). Keys: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY})
 * and SEC1 ({@code EC PRIVATE KEY}); the last two are rewrapped as PKCS#8 for {@link KeyFactory}.
 * Errors name the file, never its content. Stateless and thread-safe.
 */
public final class PemReader {

  private static final Pattern PRIVATE_KEY_BLOCK =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----(.*?)-----END \\1PRIVATE KEY-----",
          Pattern.DOTALL);

  /** DER of OID 1.2.840.113549.1.1.1 (rsaEncryption). */
  private static final byte[] OID_RSA = {
    0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01
  };

  /** DER of OID 1.2.840.10045.2.1 (id-ecPublicKey). */
  private static final byte[] OID_EC = {
    0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01
  };

  private static final byte[] DER_NULL = {0x05, 0x00};
  private static final byte[] VERSION_ZERO = {0x02, 0x01, 0x00};

  private PemReader() {}

  /**
   * Reads every certificate in a PEM file.
   *
   * @param file the PEM file
   * @param what what the file is for, used in error messages (e.g. "trustCertificates")
   * @return the certificates, at least one, in file order
   * @throws IllegalArgumentException if the file cannot be read or holds no certificate
   */
  public static List<X509Certificate> readCertificates(Path file, String what) {
    byte[] bytes = read(file, what);
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      for (var certificate :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(bytes))) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(what + ": no certificate found in " + file);
      }
      return certificates;
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          what
              + ": "
              + file
              + " is not a PEM certificate file ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
  }

  /**
   * Reads the first unencrypted private key in a PEM file.
   *
   * @param file the PEM file
   * @param what what the file is for, used in error messages
   * @return the private key
   * @throws IllegalArgumentException if the file cannot be read, holds no key, holds an encrypted
   *     key, or the key is malformed
   */
  public static PrivateKey readPrivateKey(Path file, String what) {
    return readPrivateKey(file, what, null);
  }

  /**
   * Reads the first private key in a PEM file, decrypting a PKCS#8 {@code ENCRYPTED PRIVATE KEY}
   * (PBES2, as {@code openssl pkcs8 -topk8} writes it) with {@code password}.
   *
   * @param file the PEM file
   * @param what what the file is for, used in error messages
   * @param password the key password, or null for an unencrypted key; not modified
   * @return the private key
   * @throws IllegalArgumentException if the file cannot be read, holds no key, the key is encrypted
   *     and no or a wrong password was given, or the key is malformed
   */
  public static PrivateKey readPrivateKey(Path file, String what, char[] password) {
    byte[] bytes = read(file, what);
    String text = new String(bytes, StandardCharsets.US_ASCII);
    Arrays.fill(bytes, (byte) 0);
    Matcher block = PRIVATE_KEY_BLOCK.matcher(text);
    if (!block.find()) {
      throw new IllegalArgumentException(what + ": no BEGIN ... PRIVATE KEY block in " + file);
    }
    String kind = block.group(1).trim();
    String body = block.group(2);
    if (body.contains("Proc-Type:")) {
      throw new IllegalArgumentException(
          what
              + ": the private key in "
              + file
              + " uses legacy OpenSSL encryption; convert it to PKCS#8 (openssl pkcs8 -topk8)");
    }
    if (kind.equals("ENCRYPTED") && password == null) {
      throw new IllegalArgumentException(
          what
              + ": the private key in "
              + file
              + " is encrypted; give its password, decrypt it (openssl pkcs8 -topk8 -nocrypt)"
              + " or use a key store");
    }
    byte[] der = null;
    byte[] pkcs8 = null;
    try {
      der = decodeBase64(body, file, what);
      switch (kind) {
        case "":
          pkcs8 = der.clone();
          return decodePkcs8(pkcs8, file, what, "RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");
        case "ENCRYPTED":
          pkcs8 = decrypt(der, password, file, what);
          return decodePkcs8(pkcs8, file, what, "RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");
        case "RSA":
          pkcs8 = wrapPkcs8(sequence(OID_RSA, DER_NULL), der);
          return decodePkcs8(pkcs8, file, what, "RSA");
        case "EC":
          pkcs8 = wrapPkcs8(sequence(OID_EC, namedCurveOf(der, file, what)), der);
          return decodePkcs8(pkcs8, file, what, "EC");
        default:
          throw new IllegalArgumentException(
              what + ": unsupported key type '" + kind + " PRIVATE KEY' in " + file);
      }
    } finally {
      wipe(der);
      wipe(pkcs8);
    }
  }

  private static byte[] decrypt(byte[] der, char[] password, Path file, String what) {
    EncryptedPrivateKeyInfo info;
    try {
      info = new EncryptedPrivateKeyInfo(der);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          what + ": the encrypted private key in " + file + " is malformed");
    }
    AlgorithmParameters parameters = info.getAlgParameters();
    // For PBES2 the parameters name the concrete scheme, e.g. PBEWithHmacSHA256AndAES_256.
    String algorithm = parameters == null ? info.getAlgName() : parameters.toString();
    PBEKeySpec keySpec = new PBEKeySpec(password);
    try {
      SecretKey key = SecretKeyFactory.getInstance(algorithm).generateSecret(keySpec);
      Cipher cipher = Cipher.getInstance(algorithm);
      cipher.init(Cipher.DECRYPT_MODE, key, parameters);
      return info.getKeySpec(cipher).getEncoded();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException(
          what + ": the private key in " + file + " is encrypted with unsupported " + algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          what + ": cannot decrypt the private key in " + file + ": wrong password?");
    } finally {
      keySpec.clearPassword();
    }
  }

  private static byte[] decodeBase64(String body, Path file, String what) {
    try {
      return Base64.getDecoder().decode(body.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character: report the failure only.
      throw new IllegalArgumentException(
          what + ": the private key in " + file + " is not valid base64");
    }
  }

  private static PrivateKey decodePkcs8(
      byte[] pkcs8, Path file, String what, String... algorithms) {
    for (String algorithm : algorithms) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      } catch (GeneralSecurityException | RuntimeException notThisAlgorithm) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(
        what
            + ": the private key in "
            + file
            + " is malformed or of an unsupported algorithm (supported: "
            + String.join(", ", algorithms)
            + ")");
  }

  /** The [0] named-curve parameter of a SEC1 ECPrivateKey, as a DER OID. */
  private static byte[] namedCurveOf(byte[] sec1, Path file, String what) {
    try {
      return findNamedCurve(sec1);
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          what + ": the EC private key in " + file + " is malformed");
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          what + ": the EC private key in " + file + " does not name its curve");
    }
  }

  private static byte[] findNamedCurve(byte[] sec1) {
    int[] outer = header(sec1, 0);
    int position = outer[1];
    int end = outer[1] + outer[2];
    while (position < end) {
      int[] element = header(sec1, position);
      if ((sec1[position] & 0xff) == 0xa0) {
        return Arrays.copyOfRange(sec1, element[1], element[1] + element[2]);
      }
      position = element[1] + element[2];
    }
    throw new IllegalStateException("no named curve");
  }

  /** Returns {tag, contentStart, contentLength} of the DER element at offset. */
  private static int[] header(byte[] der, int offset) {
    int tag = der[offset] & 0xff;
    int first = der[offset + 1] & 0xff;
    if (first < 0x80) {
      return new int[] {tag, offset + 2, first};
    }
    int lengthBytes = first & 0x7f;
    if (lengthBytes == 0 || lengthBytes > 3) {
      throw new IndexOutOfBoundsException("unsupported DER length");
    }
    int length = 0;
    for (int i = 0; i < lengthBytes; i++) {
      length = (length << 8) | (der[offset + 2 + i] & 0xff);
    }
    if (offset + 2 + lengthBytes + length > der.length) {
      throw new IndexOutOfBoundsException("DER element longer than its input");
    }
    return new int[] {tag, offset + 2 + lengthBytes, length};
  }

  private static byte[] wrapPkcs8(byte[] algorithmIdentifier, byte[] privateKey) {
    byte[] octets = element(0x04, privateKey);
    try {
      return sequence(VERSION_ZERO, algorithmIdentifier, octets);
    } finally {
      wipe(octets);
    }
  }

  private static byte[] sequence(byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      content.writeBytes(part);
    }
    byte[] bytes = content.toByteArray();
    try {
      return element(0x30, bytes);
    } finally {
      wipe(bytes);
    }
  }

  private static byte[] element(int tag, byte[] content) {
    int length = content.length;
    byte[] lengthBytes;
    if (length < 0x80) {
      lengthBytes = new byte[] {(byte) length};
    } else if (length < 0x100) {
      lengthBytes = new byte[] {(byte) 0x81, (byte) length};
    } else if (length < 0x10000) {
      lengthBytes = new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    } else {
      lengthBytes =
          new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
    byte[] out = new byte[1 + lengthBytes.length + length];
    out[0] = (byte) tag;
    System.arraycopy(lengthBytes, 0, out, 1, lengthBytes.length);
    System.arraycopy(content, 0, out, 1 + lengthBytes.length, length);
    return out;
  }

  private static byte[] read(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          what + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static void wipe(byte[] secret) {
    if (secret != null) {
      Arrays.fill(secret, (byte) 0);
    }
  }
}

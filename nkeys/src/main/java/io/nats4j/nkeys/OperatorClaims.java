package io.nats4j.nkeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Operator JWT claims. Build them with {@link Jwt#operator(String)}; the JWT is self-signed by the
 * operator's identity key ({@code iss} = {@code sub}).
 *
 * <pre>{@code
 * String operatorJwt = Jwt.operator("my-operator")
 *     .systemAccount(systemAccount.publicKey())
 *     .signingKeys(operatorSigningKey.publicKey())
 *     .sign(operatorKey);
 * }</pre>
 *
 * <p>Builder methods: {@link Builder#signingKeys}, {@link Builder#systemAccount}, {@link
 * Builder#accountServerUrl}, {@link Builder#operatorServiceUrls}, {@link
 * Builder#strictSigningKeyUsage}, plus the common ones of {@link ClaimsBuilder}.
 */
public final class OperatorClaims {
  private OperatorClaims() {}

  /** Builds an operator JWT. Not thread-safe. */
  public static final class Builder extends ClaimsBuilder<Builder> {
    private final List<String> signingKeys = new ArrayList<>();
    private final List<String> serviceUrls = new ArrayList<>();
    private String systemAccount;
    private String accountServerUrl;
    private boolean strictSigningKeyUsage;

    Builder(String name) {
      super(null, name);
    }

    /**
     * Adds operator signing keys ({@code O...}) that may sign account JWTs.
     *
     * @param operatorPublicKeys the signing keys' encoded public keys
     * @return this builder
     */
    public Builder signingKeys(String... operatorPublicKeys) {
      addKeys(signingKeys, operatorPublicKeys, KeyType.OPERATOR, "operator signing key");
      return this;
    }

    /**
     * Sets {@code system_account} ({@code A...}).
     *
     * @param accountPublicKey the system account's encoded public key
     * @return this builder
     */
    public Builder systemAccount(String accountPublicKey) {
      requireKey(accountPublicKey, KeyType.ACCOUNT, "system account");
      this.systemAccount = accountPublicKey;
      return this;
    }

    /**
     * Sets {@code account_server_url}.
     *
     * @param url the account server URL
     * @return this builder
     */
    public Builder accountServerUrl(String url) {
      this.accountServerUrl = url;
      return this;
    }

    /**
     * Adds {@code operator_service_urls} (e.g. {@code nats://host:4222}).
     *
     * @param urls the URLs to add
     * @return this builder
     */
    public Builder operatorServiceUrls(String... urls) {
      serviceUrls.addAll(List.of(urls));
      return this;
    }

    /**
     * Sets {@code strict_signing_key_usage}: accounts must then be signed by a signing key.
     *
     * @param strict whether accounts must be signed by a signing key
     * @return this builder
     */
    public Builder strictSigningKeyUsage(boolean strict) {
      this.strictSigningKeyUsage = strict;
      return this;
    }

    @Override
    String claimType() {
      return "operator";
    }

    @Override
    KeyType issuerType() {
      return KeyType.OPERATOR;
    }

    @Override
    String subjectFor(NKey issuer) {
      return issuer.publicKey();
    }

    @Override
    void writeNats(Map<String, Object> nats) {
      putList(nats, "signing_keys", signingKeys);
      putIfSet(nats, "account_server_url", accountServerUrl);
      putList(nats, "operator_service_urls", serviceUrls);
      putIfSet(nats, "system_account", systemAccount);
      putIfTrue(nats, "strict_signing_key_usage", strictSigningKeyUsage);
    }
  }
}

package io.nats4j.nkeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * User JWT claims. Build them with {@link Jwt#user(String, String)} and sign with the account's
 * identity key, or with one of its signing keys plus {@link Builder#issuerAccount}.
 *
 * <pre>{@code
 * String userJwt = Jwt.user(userKey.publicKey(), "alice")
 *     .publishAllow("orders.>")
 *     .subscribeAllow("_INBOX.>")
 *     .expires(Instant.now().plus(Duration.ofHours(1)))
 *     .sign(accountKey);
 * char[] creds = Creds.format(userJwt, userKey.seed());
 * }</pre>
 *
 * <p>Limits start unlimited ({@code -1}); {@code bearer_token} is false (a client must sign the
 * server nonce). Builder methods: {@link Builder#issuerAccount}, {@link Builder#publishAllow},
 * {@link Builder#publishDeny}, {@link Builder#subscribeAllow}, {@link Builder#subscribeDeny},
 * {@link Builder#allowResponses}, {@link Builder#subscriptions}, {@link Builder#data}, {@link
 * Builder#payload}, {@link Builder#bearerToken}, {@link Builder#allowedConnectionTypes}, plus the
 * common ones of {@link ClaimsBuilder}.
 */
public final class UserClaims {
  private UserClaims() {}

  static Map<String, Object> permission(List<String> allow, List<String> deny) {
    Map<String, Object> permission = new LinkedHashMap<>();
    ClaimsBuilder.putList(permission, "allow", allow);
    ClaimsBuilder.putList(permission, "deny", deny);
    return permission;
  }

  /** Builds a user JWT. Not thread-safe. */
  public static final class Builder extends NatsLimitsBuilder<Builder> {
    private final List<String> publishAllow = new ArrayList<>();
    private final List<String> publishDeny = new ArrayList<>();
    private final List<String> subscribeAllow = new ArrayList<>();
    private final List<String> subscribeDeny = new ArrayList<>();
    private final List<String> connectionTypes = new ArrayList<>();
    private Integer responseMax;
    private Duration responseTtl;
    private boolean bearerToken;
    private String issuerAccount;

    Builder(String userPublicKey, String name) {
      super(userPublicKey, name);
      requireKey(userPublicKey, KeyType.USER, "user public key");
    }

    /**
     * The account ({@code A...}) when signing with one of its signing keys.
     *
     * @param accountPublicKey the account's encoded public key
     * @return this builder
     */
    public Builder issuerAccount(String accountPublicKey) {
      requireKey(accountPublicKey, KeyType.ACCOUNT, "issuer account");
      this.issuerAccount = accountPublicKey;
      return this;
    }

    /**
     * Adds subjects the user may publish to ({@code pub.allow}).
     *
     * @param subjects the subjects to add
     * @return this builder
     */
    public Builder publishAllow(String... subjects) {
      publishAllow.addAll(List.of(subjects));
      return this;
    }

    /**
     * Adds subjects the user may not publish to ({@code pub.deny}).
     *
     * @param subjects the subjects to add
     * @return this builder
     */
    public Builder publishDeny(String... subjects) {
      publishDeny.addAll(List.of(subjects));
      return this;
    }

    /**
     * Adds subjects the user may subscribe to ({@code sub.allow}).
     *
     * @param subjects the subjects to add
     * @return this builder
     */
    public Builder subscribeAllow(String... subjects) {
      subscribeAllow.addAll(List.of(subjects));
      return this;
    }

    /**
     * Adds subjects the user may not subscribe to ({@code sub.deny}).
     *
     * @param subjects the subjects to add
     * @return this builder
     */
    public Builder subscribeDeny(String... subjects) {
      subscribeDeny.addAll(List.of(subjects));
      return this;
    }

    /**
     * Lets the user reply to requests it received ({@code resp}: at most {@code maxMessages}
     * replies per request within {@code ttl}; {@link Duration#ZERO} for no time limit).
     *
     * @param maxMessages the most replies per request
     * @param ttl how long after a request replies are allowed, or {@link Duration#ZERO}
     * @return this builder
     */
    public Builder allowResponses(int maxMessages, Duration ttl) {
      this.responseMax = maxMessages;
      this.responseTtl = ttl;
      return this;
    }

    /**
     * Whether the JWT alone authenticates (no nonce signature). Default false.
     *
     * @param bearer whether the JWT is a bearer token
     * @return this builder
     */
    public Builder bearerToken(boolean bearer) {
      this.bearerToken = bearer;
      return this;
    }

    /**
     * Restricts connection types ({@code STANDARD}, {@code WEBSOCKET}, {@code LEAFNODE}, ...).
     *
     * @param types the connection types allowed
     * @return this builder
     */
    public Builder allowedConnectionTypes(String... types) {
      connectionTypes.addAll(List.of(types));
      return this;
    }

    @Override
    String claimType() {
      return "user";
    }

    @Override
    KeyType issuerType() {
      return KeyType.ACCOUNT;
    }

    @Override
    void writeNats(Map<String, Object> nats) {
      nats.put("pub", permission(publishAllow, publishDeny));
      nats.put("sub", permission(subscribeAllow, subscribeDeny));
      if (responseMax != null) {
        Map<String, Object> resp = new LinkedHashMap<>();
        resp.put("max", responseMax);
        resp.put("ttl", responseTtl.toNanos());
        nats.put("resp", resp);
      }
      writeNatsLimits(nats);
      putIfTrue(nats, "bearer_token", bearerToken);
      putList(nats, "allowed_connection_types", connectionTypes);
      putIfSet(nats, "issuer_account", issuerAccount);
    }
  }
}

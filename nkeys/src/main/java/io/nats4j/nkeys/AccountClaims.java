package io.nats4j.nkeys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Account JWT claims. Build them with {@link Jwt#account(String, String)} and sign with the
 * operator's identity or signing key.
 *
 * <pre>{@code
 * String accountJwt = Jwt.account(accountKey.publicKey(), "app")
 *     .jetStreamUnlimited()               // lets an operator-mode server enable JetStream here
 *     .signingKeys(accountSigningKey.publicKey())
 *     .sign(operatorKey);
 * }</pre>
 *
 * <p>Limits start unlimited ({@code -1}) as in the Go jwt library, with JetStream disabled (its
 * storage limits 0). Builder methods: {@link Builder#signingKeys}, {@link Builder#subscriptions},
 * {@link Builder#data}, {@link Builder#payload}, {@link Builder#imports}, {@link Builder#exports},
 * {@link Builder#wildcardExports}, {@link Builder#connections}, {@link
 * Builder#leafNodeConnections}, {@link Builder#disallowBearer}, {@link Builder#jetStream}, {@link
 * Builder#jetStreamUnlimited}, {@link Builder#defaultPublishAllow}, {@link
 * Builder#defaultSubscribeAllow}, plus the common ones of {@link ClaimsBuilder}. A limit of {@code
 * -1} means unlimited.
 */
public final class AccountClaims {
  /** Value of a limit that means "unlimited". */
  public static final long NO_LIMIT = -1;

  private AccountClaims() {}

  /** Builds an account JWT. Not thread-safe. */
  public static final class Builder extends NatsLimitsBuilder<Builder> {
    private final List<String> signingKeys = new ArrayList<>();
    private final List<String> defaultPublishAllow = new ArrayList<>();
    private final List<String> defaultSubscribeAllow = new ArrayList<>();
    private long imports = NO_LIMIT;
    private long exports = NO_LIMIT;
    private boolean wildcardExports = true;
    private boolean disallowBearer;
    private long connections = NO_LIMIT;
    private long leafNodeConnections = NO_LIMIT;
    private long memoryStorage;
    private long diskStorage;
    private long streams;
    private long consumers;

    Builder(String accountPublicKey, String name) {
      super(accountPublicKey, name);
      requireKey(accountPublicKey, KeyType.ACCOUNT, "account public key");
    }

    /**
     * Adds account signing keys ({@code A...}) that may sign this account's user JWTs.
     *
     * @param accountPublicKeys the signing keys' encoded public keys
     * @return this builder
     */
    public Builder signingKeys(String... accountPublicKeys) {
      addKeys(signingKeys, accountPublicKeys, KeyType.ACCOUNT, "account signing key");
      return this;
    }

    /**
     * Maximum imports ({@code limits.imports}).
     *
     * @param max the limit, -1 for unlimited
     * @return this builder
     */
    public Builder imports(long max) {
      this.imports = max;
      return this;
    }

    /**
     * Maximum exports ({@code limits.exports}).
     *
     * @param max the limit, -1 for unlimited
     * @return this builder
     */
    public Builder exports(long max) {
      this.exports = max;
      return this;
    }

    /**
     * Whether exports may use wildcards ({@code limits.wildcards}, default true).
     *
     * @param allowed whether wildcard exports are allowed
     * @return this builder
     */
    public Builder wildcardExports(boolean allowed) {
      this.wildcardExports = allowed;
      return this;
    }

    /**
     * Maximum client connections ({@code limits.conn}).
     *
     * @param max the limit, -1 for unlimited
     * @return this builder
     */
    public Builder connections(long max) {
      this.connections = max;
      return this;
    }

    /**
     * Maximum leaf node connections ({@code limits.leaf}).
     *
     * @param max the limit, -1 for unlimited
     * @return this builder
     */
    public Builder leafNodeConnections(long max) {
      this.leafNodeConnections = max;
      return this;
    }

    /**
     * Whether bearer user JWTs are refused ({@code limits.disallow_bearer}).
     *
     * @param disallow whether bearer user JWTs are refused
     * @return this builder
     */
    public Builder disallowBearer(boolean disallow) {
      this.disallowBearer = disallow;
      return this;
    }

    /**
     * Enables JetStream with these limits ({@code limits.mem_storage}, {@code disk_storage}, {@code
     * streams}, {@code consumer}); {@code -1} means unlimited, 0 storage disables it.
     *
     * @param memoryBytes memory storage limit in bytes
     * @param diskBytes file storage limit in bytes
     * @param maxStreams the most streams
     * @param maxConsumers the most consumers
     * @return this builder
     */
    public Builder jetStream(long memoryBytes, long diskBytes, long maxStreams, long maxConsumers) {
      this.memoryStorage = memoryBytes;
      this.diskStorage = diskBytes;
      this.streams = maxStreams;
      this.consumers = maxConsumers;
      return this;
    }

    /**
     * Enables JetStream without limits.
     *
     * @return this builder
     */
    public Builder jetStreamUnlimited() {
      return jetStream(NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT);
    }

    /**
     * Adds subjects users of this account may publish to unless their JWT says otherwise.
     *
     * @param subjects the subjects to add
     * @return this builder
     */
    public Builder defaultPublishAllow(String... subjects) {
      defaultPublishAllow.addAll(List.of(subjects));
      return this;
    }

    /**
     * Adds subjects users of this account may subscribe to unless their JWT says otherwise.
     *
     * @param subjects the subjects to add
     * @return this builder
     */
    public Builder defaultSubscribeAllow(String... subjects) {
      defaultSubscribeAllow.addAll(List.of(subjects));
      return this;
    }

    @Override
    String claimType() {
      return "account";
    }

    @Override
    KeyType issuerType() {
      return KeyType.OPERATOR;
    }

    @Override
    void writeNats(Map<String, Object> nats) {
      Map<String, Object> limits = new LinkedHashMap<>();
      writeNatsLimits(limits);
      putIfNonZero(limits, "imports", imports);
      putIfNonZero(limits, "exports", exports);
      putIfTrue(limits, "wildcards", wildcardExports);
      putIfTrue(limits, "disallow_bearer", disallowBearer);
      putIfNonZero(limits, "conn", connections);
      putIfNonZero(limits, "leaf", leafNodeConnections);
      putIfNonZero(limits, "mem_storage", memoryStorage);
      putIfNonZero(limits, "disk_storage", diskStorage);
      putIfNonZero(limits, "streams", streams);
      putIfNonZero(limits, "consumer", consumers);
      nats.put("limits", limits);
      putList(nats, "signing_keys", signingKeys);
      Map<String, Object> permissions = new LinkedHashMap<>();
      permissions.put("pub", UserClaims.permission(defaultPublishAllow, List.of()));
      permissions.put("sub", UserClaims.permission(defaultSubscribeAllow, List.of()));
      nats.put("default_permissions", permissions);
      nats.put("authorization", Map.of());
    }
  }
}

package io.nats4j.client;

import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.Jwt;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.time.Instant;
import java.util.Map;

/**
 * A real nats-server in operator mode whose JWTs the nkeys module issued: an operator, a system
 * account {@code SYS} and an application account {@code APP}, whose user JWTs and creds this
 * fixture mints.
 *
 * <p>Thread-safety: safe to share across the tests of a class. {@link #close()} stops the server
 * and wipes the keys.
 */
public final class OperatorFixture implements AutoCloseable {
  private final NKey operator = NKey.create(KeyType.OPERATOR);
  private final NKey systemAccount = NKey.create(KeyType.ACCOUNT);
  private final NKey appAccount = NKey.create(KeyType.ACCOUNT);
  private final NatsServer server;

  private OperatorFixture() {
    this(b -> b);
  }

  private OperatorFixture(java.util.function.UnaryOperator<ServerConfig.Builder> more) {
    String operatorJwt =
        Jwt.operator("nats4j-test-operator")
            .systemAccount(systemAccount.publicKey())
            .sign(operator);
    Map<String, String> accountJwts =
        Map.of(
            systemAccount.publicKey(),
            Jwt.account(systemAccount.publicKey(), "SYS").sign(operator),
            appAccount.publicKey(),
            Jwt.account(appAccount.publicKey(), "APP").sign(operator));
    try {
      server =
          NatsServer.start(
              more.apply(
                      ServerConfig.builder()
                          .operator(operatorJwt, systemAccount.publicKey(), accountJwts))
                  .build());
    } catch (RuntimeException e) {
      closeKeys();
      throw e;
    }
  }

  /** Creates the keys and JWTs and starts the server. */
  public static OperatorFixture start() {
    return new OperatorFixture();
  }

  /** Same, with more server configuration (a websocket listener). */
  public static OperatorFixture start(java.util.function.UnaryOperator<ServerConfig.Builder> more) {
    return new OperatorFixture(more);
  }

  /** The operator-mode server. */
  public NatsServer server() {
    return server;
  }

  /** The system account's identity key. */
  public NKey systemAccount() {
    return systemAccount;
  }

  /** The application account's identity key, the issuer of {@link #userJwt}. */
  public NKey appAccount() {
    return appAccount;
  }

  /** A user JWT of {@code APP} that does not expire. */
  public String userJwt(NKey user, String name) {
    return userJwt(user, name, null);
  }

  /** A user JWT of {@code APP} that expires at {@code expires} (null: never). */
  public String userJwt(NKey user, String name, Instant expires) {
    return Jwt.user(user.publicKey(), name).expires(expires).sign(appAccount);
  }

  /** The creds text of a user of {@code APP}: its JWT and {@code user}'s seed. */
  public char[] userCreds(NKey user, String name) {
    return Creds.format(userJwt(user, name), user.seed());
  }

  @Override
  public void close() {
    server.close();
    closeKeys();
  }

  private void closeKeys() {
    operator.close();
    systemAccount.close();
    appAccount.close();
  }
}

package io.nats4j.client.internal.reconnect;

import io.nats4j.client.ReconnectDelay;
import io.nats4j.client.ServerChooser;
import io.nats4j.client.ServerInfo;
import io.nats4j.client.internal.address.ServerAddress;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconnect loop, apart from any socket: picks the next server from the {@link ServerPool},
 * waits as the {@link ReconnectDelay} says (on the {@link Clock}, so a close breaks the wait at
 * once), resolves host names to all their addresses, and hands each address to a {@link Connector}
 * until one connects, every server has used its attempts, the same authentication error comes twice
 * in a row from one server, or the loop is cancelled.
 *
 * <p>The caller owns the thread: {@link #run} blocks until one of those outcomes.
 *
 * <p>Thread-safety: one {@link #run} at a time per instance; the pool is shared safely with the
 * reader thread.
 */
public final class Reconnector {
  private static final Logger LOG = LoggerFactory.getLogger(Reconnector.class);

  /**
   * Opens a session (socket + handshake) to one address.
   *
   * @param <S> the session type
   */
  @FunctionalInterface
  public interface Connector<S> {
    /**
     * Connects.
     *
     * @param target where to connect
     * @return the established session
     * @throws Exception on any failure; the loop moves on to the next address or server
     */
    S connect(Target target) throws Exception;

    /**
     * Releases a session that connected after the loop was cancelled.
     *
     * @param session the session
     */
    default void abandon(S session) {}
  }

  /**
   * One address to connect to.
   *
   * @param server the pool entry
   * @param address the entry's address with the host replaced by one resolved address (same as the
   *     entry's when it is a literal or resolution is off)
   * @param tlsHostname the name to verify the TLS certificate against
   */
  public record Target(PoolEntry server, ServerAddress address, String tlsHostname) {}

  /**
   * How a run ended.
   *
   * @param <S> the session type
   */
  public sealed interface Outcome<S> {}

  /**
   * Connected.
   *
   * @param session the session
   * @param server the server connected to
   * @param attempts attempts made, including the successful one
   * @param <S> the session type
   */
  public record Connected<S>(S session, PoolEntry server, int attempts) implements Outcome<S> {}

  /**
   * Every server used its attempts.
   *
   * @param lastError the last failure, null if no attempt could be made
   * @param attempts attempts made
   * @param <S> the session type
   */
  public record GaveUp<S>(Throwable lastError, int attempts) implements Outcome<S> {}

  /**
   * The same authentication error came twice in a row from one server.
   *
   * @param error the second failure
   * @param server the server
   * @param <S> the session type
   */
  public record RepeatedAuthError<S>(Throwable error, PoolEntry server) implements Outcome<S> {}

  /**
   * A failure no retry can fix (fixed credentials whose JWT has expired): the loop stops at once.
   *
   * @param error the failure
   * @param <S> the session type
   */
  public record Hopeless<S>(Throwable error) implements Outcome<S> {}

  /**
   * The cancellation was triggered.
   *
   * @param <S> the session type
   */
  public record Cancelled<S>() implements Outcome<S> {}

  /**
   * The settings of a reconnector.
   *
   * @param delay the backoff policy
   * @param chooser the user's server chooser, or null
   * @param resolver resolves host names to all addresses, or null to pass host names on as they are
   * @param randomize shuffle resolved addresses
   * @param abortOnRepeatedAuthError stop when one server gives the same auth error twice in a row
   * @param tlsConfigured TLS is on for every server (otherwise only for {@code tls://} URLs)
   * @param authErrorText returns the server's auth error text for a failure, null if it is not one
   * @param hopeless tells a failure no retry can fix, which ends the loop at once
   */
  public record Settings(
      ReconnectDelay delay,
      ServerChooser chooser,
      Resolver resolver,
      boolean randomize,
      boolean abortOnRepeatedAuthError,
      boolean tlsConfigured,
      Function<Throwable, String> authErrorText,
      Predicate<Throwable> hopeless) {

    /** Settings under which every failure is worth another attempt. */
    public Settings(
        ReconnectDelay delay,
        ServerChooser chooser,
        Resolver resolver,
        boolean randomize,
        boolean abortOnRepeatedAuthError,
        boolean tlsConfigured,
        Function<Throwable, String> authErrorText) {
      this(
          delay,
          chooser,
          resolver,
          randomize,
          abortOnRepeatedAuthError,
          tlsConfigured,
          authErrorText,
          e -> false);
    }
  }

  private final ServerPool pool;
  private final Settings settings;
  private final Clock clock;
  private final Random random;

  /**
   * Creates a reconnector.
   *
   * @param pool the server pool
   * @param settings the settings
   * @param clock the clock (fake in tests)
   * @param random shuffles resolved addresses
   */
  public Reconnector(ServerPool pool, Settings settings, Clock clock, Random random) {
    this.pool = pool;
    this.settings = settings;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Returns the pool.
   *
   * @return the server pool
   */
  public ServerPool pool() {
    return pool;
  }

  /**
   * Tries servers until one connects or the loop must stop.
   *
   * @param connector opens a session to an address
   * @param maxAttempts attempts per server, -1 for no limit
   * @param cancellation stops the loop (and breaks a wait) when cancelled
   * @param lastInfo the most recent INFO, for the chooser
   * @param <S> the session type
   * @return the outcome
   */
  public <S> Outcome<S> run(
      Connector<S> connector,
      int maxAttempts,
      Cancellation cancellation,
      Supplier<ServerInfo> lastInfo) {
    int attempts = 0;
    Throwable last = null;
    while (true) {
      if (cancellation.isCancelled()) {
        return new Cancelled<>();
      }
      ServerPool.Selection selection = pool.next(maxAttempts, settings.chooser(), lastInfo.get());
      if (selection == null) {
        return new GaveUp<>(last, attempts);
      }
      PoolEntry server = selection.entry();
      Duration wait = selection.delay() != null ? selection.delay() : policyDelay(server, attempts);
      if (wait.toNanos() > 0 && !clock.sleep(wait.toNanos(), cancellation)) {
        return new Cancelled<>();
      }
      pool.attempting(server, clock.nanoTime());
      attempts++;
      try {
        S session = connect(server, connector, cancellation);
        if (cancellation.isCancelled()) {
          connector.abandon(session);
          return new Cancelled<>();
        }
        pool.connected(server, clock.nanoTime());
        return new Connected<>(session, server, attempts);
      } catch (Exception e) {
        last = e;
        if (settings.hopeless().test(e)) {
          LOG.debug("attempt {} to {} failed for good: {}", attempts, server, e.toString());
          return new Hopeless<>(e);
        }
        String authError = settings.authErrorText().apply(e);
        boolean repeated = pool.failed(server, authError);
        LOG.debug("attempt {} to {} failed: {}", attempts, server, e.toString());
        if (repeated && settings.abortOnRepeatedAuthError()) {
          return new RepeatedAuthError<>(e, server);
        }
      }
    }
  }

  private Duration policyDelay(PoolEntry server, int attempts) {
    long since = pool.sinceLastAttempt(server, clock.nanoTime());
    boolean tls = settings.tlsConfigured() || server.address().tlsRequired();
    Duration wait =
        settings
            .delay()
            .delay(
                new ReconnectDelay.Attempt(
                    attempts,
                    server.url(),
                    pool.failures(server),
                    since < 0 ? null : Duration.ofNanos(since),
                    tls));
    return wait == null ? Duration.ZERO : wait;
  }

  /** One attempt to one server: each resolved address in turn, until one connects. */
  private <S> S connect(PoolEntry server, Connector<S> connector, Cancellation cancellation)
      throws Exception {
    List<Target> targets = targets(server);
    Exception failure = null;
    for (Target target : targets) {
      if (cancellation.isCancelled()) {
        break;
      }
      try {
        return connector.connect(target);
      } catch (Exception e) {
        if (settings.authErrorText().apply(e) != null) {
          throw e; // the credentials are wrong for every address of this server
        }
        failure = e;
      }
    }
    throw failure != null ? failure : new java.util.concurrent.CancellationException("cancelled");
  }

  private List<Target> targets(PoolEntry server) throws java.net.UnknownHostException {
    ServerAddress address = server.address();
    if (settings.resolver() == null || isAddressLiteral(address.host())) {
      return List.of(new Target(server, address, server.tlsHostname()));
    }
    List<InetAddress> resolved = new ArrayList<>(settings.resolver().resolve(address.host()));
    if (settings.randomize()) {
      Collections.shuffle(resolved, random);
    }
    List<Target> targets = new ArrayList<>(resolved.size());
    for (InetAddress ip : resolved) {
      ServerAddress pinned = address.withHost(ip.getHostAddress());
      targets.add(new Target(server, pinned, server.tlsHostname()));
    }
    return targets;
  }

  private static boolean isAddressLiteral(String host) {
    return ServerPool.isAddressLiteral(host);
  }
}

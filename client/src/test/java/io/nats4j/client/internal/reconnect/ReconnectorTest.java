package io.nats4j.client.internal.reconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.AuthenticationException;
import io.nats4j.client.CredentialsExpiredException;
import io.nats4j.client.ReconnectDelay;
import io.nats4j.client.ServerChooser;
import io.nats4j.client.internal.address.ServerAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The reconnect loop on a fake clock: no test here sleeps. */
class ReconnectorTest {
  private static final Duration WAIT = Duration.ofSeconds(2);
  private static final Duration JITTER = Duration.ofMillis(100);
  private static final Duration TLS_JITTER = Duration.ofSeconds(1);

  private final FakeClock clock = new FakeClock();
  private final ScriptedConnector connector = new ScriptedConnector();

  /** Fails or succeeds per address as scripted; records every target. */
  private final class ScriptedConnector implements Reconnector.Connector<String> {
    final Map<String, ArrayDeque<Object>> script = new HashMap<>();
    final List<Reconnector.Target> attempts = new ArrayList<>();
    final List<Long> attemptTimes = new ArrayList<>();
    final List<String> abandoned = new ArrayList<>();
    Runnable onConnect = () -> {};

    ScriptedConnector then(String hostPort, Object... results) {
      script.computeIfAbsent(hostPort, k -> new ArrayDeque<>()).addAll(List.of(results));
      return this;
    }

    @Override
    public String connect(Reconnector.Target target) throws Exception {
      attempts.add(target);
      attemptTimes.add(clock.nanoTime());
      onConnect.run();
      String key = target.address().host() + ":" + target.address().port();
      ArrayDeque<Object> results = script.get(key);
      Object result = results == null || results.isEmpty() ? FAIL : results.poll();
      if (result instanceof Exception e) {
        throw e;
      }
      return "session@" + key;
    }

    @Override
    public void abandon(String session) {
      abandoned.add(session);
    }

    List<String> hosts() {
      return attempts.stream().map(t -> t.address().host()).toList();
    }
  }

  private static final Exception FAIL = new ConnectException("Connection refused");
  private static final String OK = "ok";

  private static AuthenticationException auth(String text) {
    return new AuthenticationException("the server refused the credentials: " + text);
  }

  private static String authText(Throwable t) {
    return t instanceof AuthenticationException a ? a.getMessage() : null;
  }

  private static ServerPool pool(boolean randomize, String... urls) {
    List<ServerAddress> seeds = new ArrayList<>();
    for (String url : urls) {
      seeds.add(ServerAddress.parse(url));
    }
    return new ServerPool(seeds, randomize, false, new Random(7));
  }

  private Reconnector reconnector(ServerPool pool, ReconnectDelay delay) {
    return reconnector(pool, delay, null, null, true, false);
  }

  private Reconnector reconnector(
      ServerPool pool,
      ReconnectDelay delay,
      ServerChooser chooser,
      Resolver resolver,
      boolean abortOnRepeatedAuthError,
      boolean tls) {
    return new Reconnector(
        pool,
        new Reconnector.Settings(
            delay,
            chooser,
            resolver,
            false,
            abortOnRepeatedAuthError,
            tls,
            ReconnectorTest::authText),
        clock,
        new Random(3));
  }

  private static ReconnectDelay perServer() {
    return Backoffs.perServer(WAIT, JITTER, TLS_JITTER, () -> 0.5);
  }

  /** Marks the first server as connected long ago and lost now. */
  private void lostAfterLongSession(ServerPool pool) {
    pool.connected(pool.servers().get(0), clock.nanoTime());
    clock.advanceMillis(60_000);
    pool.reconnecting(null, false);
  }

  private Reconnector.Outcome<String> run(Reconnector r, int maxAttempts) {
    return r.run(connector, maxAttempts, new Cancellation(), () -> null);
  }

  @Test
  void firstAttemptIsImmediateThenWaitPlusJitterBeforeRetryingTheSameServer() {
    ServerPool pool = pool(false, "nats://a:4222");
    lostAfterLongSession(pool);
    connector.then("a:4222", FAIL, FAIL, FAIL, OK);

    Reconnector.Outcome<String> outcome = run(reconnector(pool, perServer()), -1);

    Reconnector.Connected<String> connected =
        assertInstanceOf(Reconnector.Connected.class, outcome);
    assertEquals("session@a:4222", connected.session());
    assertEquals(4, connected.attempts());
    assertEquals(List.of(2050L, 2050L, 2050L), clock.sleepsMillis());
  }

  @Test
  void aHopelessFailureEndsTheLoopAtOnceWithoutTryingTheOtherServers() {
    ServerPool pool = pool(false, "nats://a:4222", "nats://b:4222");
    lostAfterLongSession(pool);
    Exception expired =
        new CredentialsExpiredException(
            "user JWT in x.creds expired at 1970-01-01T00:00:01Z", null);
    connector.then("b:4222", expired, OK);
    connector.then("a:4222", OK);
    Reconnector r =
        new Reconnector(
            pool,
            new Reconnector.Settings(
                perServer(),
                null,
                null,
                false,
                true,
                false,
                ReconnectorTest::authText,
                e -> e instanceof CredentialsExpiredException),
            clock,
            new Random(3));

    Reconnector.Outcome<String> outcome = run(r, -1);

    Reconnector.Hopeless<String> hopeless = assertInstanceOf(Reconnector.Hopeless.class, outcome);
    assertSame(expired, hopeless.error());
    assertEquals(List.of("b"), connector.hosts());
    assertTrue(clock.sleeps.isEmpty());
  }

  @Test
  void aServerThatDropsTheClientRightAfterConnectingIsNotRetriedAtOnce() {
    ServerPool pool = pool(false, "nats://a:4222");
    pool.connected(pool.servers().get(0), clock.nanoTime());
    clock.advanceMillis(100);
    pool.reconnecting(null, false);
    connector.then("a:4222", FAIL, OK);

    run(reconnector(pool, perServer()), -1);

    assertEquals(List.of(1950L, 2050L), clock.sleepsMillis()); // the wait counts from the connect
  }

  @Test
  void aForcedReconnectTriesTheSameServerAtOnce() {
    ServerPool pool = pool(false, "nats://a:4222");
    pool.connected(pool.servers().get(0), clock.nanoTime());
    clock.advanceMillis(100);
    pool.reconnecting(null, true);
    connector.then("a:4222", OK);

    run(reconnector(pool, perServer()), -1);

    assertTrue(clock.sleeps.isEmpty());
  }

  @Test
  void failsOverToTheOtherServersBeforeWaitingForAnyOfThem() {
    ServerPool pool = pool(false, "nats://a:4222", "nats://b:4222", "nats://c:4222");
    lostAfterLongSession(pool);
    connector.then("b:4222", FAIL, OK);

    run(reconnector(pool, perServer()), -1);

    assertEquals(List.of("b", "c", "a", "b"), connector.hosts());
    assertEquals(List.of(2050L), clock.sleepsMillis());
  }

  @Test
  void waitIsCountedFromTheServersLastAttempt() {
    ServerPool pool = pool(false, "nats://a:4222", "nats://b:4222");
    lostAfterLongSession(pool);
    // every attempt takes 0.75 s (a slow connect timeout): when b comes round again 1.5 s
    // after its attempt started, 0.5 s + jitter are left; a's turn comes 2.05 s after its own
    connector.onConnect = () -> clock.advanceMillis(750);

    Reconnector.Outcome<String> outcome = run(reconnector(pool, perServer()), 2);

    assertInstanceOf(Reconnector.GaveUp.class, outcome);
    assertEquals(List.of("b", "a", "b", "a"), connector.hosts());
    assertEquals(List.of(550L), clock.sleepsMillis());
  }

  @Test
  void tlsServersUseTheTlsJitter() {
    ServerPool pool = pool(false, "tls://a:4222");
    lostAfterLongSession(pool);
    connector.then("a:4222", FAIL, OK);

    run(reconnector(pool, perServer()), -1);

    assertEquals(List.of(2500L), clock.sleepsMillis());
  }

  @Test
  void tlsConfiguredInOptionsAlsoUsesTheTlsJitter() {
    ServerPool pool = pool(false, "nats://a:4222");
    lostAfterLongSession(pool);
    connector.then("a:4222", FAIL, OK);

    run(reconnector(pool, perServer(), null, null, true, true), -1);

    assertEquals(List.of(2500L), clock.sleepsMillis());
  }

  @Test
  void givesUpWhenEveryServerUsedItsAttempts() {
    ServerPool pool = pool(false, "nats://a:4222", "nats://b:4222");
    lostAfterLongSession(pool);
    IOException last = new IOException("last");
    connector.then("a:4222", FAIL, FAIL, last);

    Reconnector.Outcome<String> outcome = run(reconnector(pool, perServer()), 3);

    Reconnector.GaveUp<String> gaveUp = assertInstanceOf(Reconnector.GaveUp.class, outcome);
    assertEquals(6, gaveUp.attempts());
    assertSame(last, gaveUp.lastError());
    assertEquals(List.of("b", "a", "b", "a", "b", "a"), connector.hosts());
  }

  @Test
  void zeroAttemptsGivesUpAtOnce() {
    ServerPool pool = pool(false, "nats://a:4222");
    lostAfterLongSession(pool);

    Reconnector.Outcome<String> outcome = run(reconnector(pool, perServer()), 0);

    assertEquals(0, assertInstanceOf(Reconnector.GaveUp.class, outcome).attempts());
    assertTrue(connector.attempts.isEmpty());
  }

  @Test
  void minusOneAttemptsKeepsTrying() {
    ServerPool pool = pool(false, "nats://a:4222");
    lostAfterLongSession(pool);
    Object[] results = new Object[501];
    java.util.Arrays.fill(results, FAIL);
    results[500] = OK;
    connector.then("a:4222", results);

    Reconnector.Outcome<String> outcome = run(reconnector(pool, perServer()), -1);

    assertEquals(501, assertInstanceOf(Reconnector.Connected.class, outcome).attempts());
    assertEquals(500, clock.sleeps.size());
  }

  @Test
  void exponentialBackoffDoublesPerServerUpToTheMax() {
    ServerPool pool = pool(false, "nats://a:4222");
    lostAfterLongSession(pool);
    connector.then("a:4222", FAIL, FAIL, FAIL, FAIL, FAIL, FAIL, OK);
    ReconnectDelay exponential =
        Backoffs.exponential(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ZERO, () -> 0);

    run(reconnector(pool, exponential), -1);

    assertEquals(List.of(100L, 200L, 400L, 800L, 1000L, 1000L), clock.sleepsMillis());
  }

  @Test
  void aCustomDelaySeesTheAttempt() {
    ServerPool pool = pool(false, "nats://a:4222", "tls://b:4222");
    lostAfterLongSession(pool);
    connector.then("a:4222", OK);
    List<ReconnectDelay.Attempt> seen = new ArrayList<>();
    ReconnectDelay custom =
        attempt -> {
          seen.add(attempt);
          return Duration.ofMillis(10L * attempt.attempt());
        };

    run(reconnector(pool, custom), -1);

    assertEquals(
        List.of(
            new ReconnectDelay.Attempt(0, "tls://b:4222", 0, null, true), // never tried
            new ReconnectDelay.Attempt(1, "nats://a:4222", 0, Duration.ofSeconds(60), false)),
        seen);
    assertEquals(List.of(10L), clock.sleepsMillis());
  }

  @Test
  void chooserPicksTheServerAndItsDelay() {
    ServerPool pool = pool(false, "nats://a:4222", "nats://b:4222", "nats://c:4222");
    lostAfterLongSession(pool);
    connector.then("c:4222", OK);
    AtomicReference<List<ServerChooser.Candidate>> offered = new AtomicReference<>();
    ServerChooser chooser =
        (candidates, info) -> {
          offered.set(candidates);
          return ServerChooser.Choice.of("nats://c:4222", Duration.ofSeconds(5));
        };

    Reconnector.Outcome<String> outcome =
        run(reconnector(pool, perServer(), chooser, null, true, false), -1);

    assertEquals(
        "c", assertInstanceOf(Reconnector.Connected.class, outcome).server().address().host());
    assertEquals(List.of(5000L), clock.sleepsMillis());
    assertEquals(
        List.of("nats://b:4222", "nats://c:4222", "nats://a:4222"),
        offered.get().stream().map(ServerChooser.Candidate::url).toList());
  }

  @Test
  void chooserCannotPickAServerOutsideThePool() {
    ServerPool pool = pool(false, "nats://a:4222", "nats://b:4222");
    lostAfterLongSession(pool);
    connector.then("b:4222", OK);
    ServerChooser rogue = (candidates, info) -> ServerChooser.Choice.of("nats://evil:4222");

    Reconnector.Outcome<String> outcome =
        run(reconnector(pool, perServer(), rogue, null, true, false), -1);

    assertEquals(List.of("b"), connector.hosts());
    assertInstanceOf(Reconnector.Connected.class, outcome);
  }

  @Test
  void chooserSeesFailedAttemptCounts() {
    ServerPool pool = pool(false, "nats://a:4222", "nats://b:4222");
    lostAfterLongSession(pool);
    connector.then("a:4222", OK);
    List<Integer> failuresOfB = new ArrayList<>();
    ServerChooser pickBTwice =
        (candidates, info) -> {
          int failures =
              candidates.stream()
                  .filter(c -> c.url().equals("nats://b:4222"))
                  .findFirst()
                  .orElseThrow()
                  .failedAttempts();
          failuresOfB.add(failures);
          return failures >= 2
              ? ServerChooser.Choice.of("nats://a:4222")
              : ServerChooser.Choice.of("nats://b:4222", Duration.ZERO);
        };

    run(reconnector(pool, perServer(), pickBTwice, null, true, false), -1);

    assertEquals(List.of("b", "b", "a"), connector.hosts());
    assertEquals(List.of(0, 1, 2), failuresOfB);
    assertTrue(clock.sleeps.isEmpty()); // the chooser's zero delay wins over the policy
  }

  @Test
  void theSameAuthErrorTwiceInARowFromOneServerStops() {
    ServerPool pool = pool(false, "nats://a:4222");
    lostAfterLongSession(pool);
    connector.then("a:4222", auth("Authorization Violation"), auth("Authorization Violation"), OK);

    Reconnector.Outcome<String> outcome = run(reconnector(pool, perServer()), -1);

    Reconnector.RepeatedAuthError<String> stopped =
        assertInstanceOf(Reconnector.RepeatedAuthError.class, outcome);
    assertEquals("a", stopped.server().address().host());
    assertEquals(2, connector.attempts.size());
  }

  @Test
  void theAuthErrorThatEndedTheSessionCountsAsTheFirst() {
    ServerPool pool = pool(false, "nats://a:4222");
    pool.connected(pool.servers().get(0), clock.nanoTime());
    pool.reconnecting(authText(auth("Authorization Violation")), false);
    connector.then("a:4222", auth("Authorization Violation"), OK);

    Reconnector.Outcome<String> outcome = run(reconnector(pool, perServer()), -1);

    assertInstanceOf(Reconnector.RepeatedAuthError.class, outcome);
    assertEquals(1, connector.attempts.size());
  }

  @Test
  void differentAuthErrorsOrOtherFailuresInBetweenDoNotStop() {
    ServerPool pool = pool(false, "nats://a:4222");
    pool.connected(pool.servers().get(0), clock.nanoTime());
    pool.reconnecting(authText(auth("User Authentication Expired")), false);
    connector.then(
        "a:4222", auth("Authorization Violation"), FAIL, auth("Authorization Violation"), OK);

    Reconnector.Outcome<String> outcome = run(reconnector(pool, perServer()), -1);

    assertInstanceOf(Reconnector.Connected.class, outcome);
  }

  @Test
  void repeatedAuthErrorsCanBeRetriedWhenConfigured() {
    ServerPool pool = pool(false, "nats://a:4222");
    lostAfterLongSession(pool);
    connector.then("a:4222", auth("Authorization Violation"), auth("Authorization Violation"), OK);

    Reconnector.Outcome<String> outcome =
        run(reconnector(pool, perServer(), null, null, false, false), -1);

    assertEquals(3, assertInstanceOf(Reconnector.Connected.class, outcome).attempts());
  }

  @Test
  void hostNamesAreResolvedToAllAddressesWithinOneAttempt() throws Exception {
    ServerPool pool = pool(false, "tls://nats.example:4222");
    lostAfterLongSession(pool);
    Resolver resolver =
        host -> {
          assertEquals("nats.example", host);
          return List.of(ip("10.0.0.1"), ip("10.0.0.2"), ip("10.0.0.3"));
        };
    connector.then("10.0.0.3:4222", OK);

    Reconnector.Outcome<String> outcome =
        run(reconnector(pool, perServer(), null, resolver, true, false), -1);

    Reconnector.Connected<String> connected =
        assertInstanceOf(Reconnector.Connected.class, outcome);
    assertEquals(1, connected.attempts());
    assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"), connector.hosts());
    assertTrue(connector.attempts.stream().allMatch(t -> t.tlsHostname().equals("nats.example")));
    assertTrue(connector.attempts.stream().allMatch(t -> t.address().tlsRequired()));
    assertTrue(clock.sleeps.isEmpty());
  }

  @Test
  void resolvedAddressesAreShuffledWhenRandomized() throws Exception {
    ServerPool pool = pool(false, "nats://nats.example:4222");
    lostAfterLongSession(pool);
    List<InetAddress> all = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      all.add(ip("10.0.0." + i));
    }
    Reconnector r =
        new Reconnector(
            pool,
            new Reconnector.Settings(
                perServer(), null, host -> all, true, true, false, ReconnectorTest::authText),
            clock,
            new Random(11));
    connector.then("10.0.0.9:4222", OK); // never: all 8 fail, then the attempt fails

    run(r, 1);

    List<String> tried = connector.hosts();
    assertEquals(8, tried.size());
    assertEquals(8, new HashSet<>(tried).size());
    assertNotEquals(all.stream().map(InetAddress::getHostAddress).toList(), tried);
  }

  @Test
  void anUnresolvableHostIsAFailedAttempt() {
    ServerPool pool = pool(false, "nats://nowhere.invalid:4222", "nats://b:4222");
    lostAfterLongSession(pool);
    Resolver resolver =
        host -> {
          if (host.equals("b")) {
            return List.of(ip("10.0.0.2"));
          }
          throw new UnknownHostException(host);
        };
    connector.then("10.0.0.2:4222", FAIL, OK);

    Reconnector.Outcome<String> outcome =
        run(reconnector(pool, perServer(), null, resolver, true, false), -1);

    assertInstanceOf(Reconnector.Connected.class, outcome);
    assertEquals(List.of("10.0.0.2", "10.0.0.2"), connector.hosts());
  }

  @Test
  void seedsAreShuffledUnlessRandomizationIsOffAndEachIsTriedOncePerRound() {
    String[] urls = {"nats://s1:1", "nats://s2:1", "nats://s3:1", "nats://s4:1", "nats://s5:1"};
    ServerPool ordered = pool(false, urls);
    ServerPool shuffled = pool(true, urls);

    List<String> orderedRound = new ArrayList<>();
    List<String> shuffledRound = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      orderedRound.add(ordered.next(-1, null, null).entry().address().host());
      shuffledRound.add(shuffled.next(-1, null, null).entry().address().host());
    }

    assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), orderedRound);
    assertEquals(5, new HashSet<>(shuffledRound).size());
    assertNotEquals(orderedRound, shuffledRound);
  }

  @Test
  void cancelledBeforeStartingMakesNoAttempt() {
    ServerPool pool = pool(false, "nats://a:4222");
    Cancellation cancellation = new Cancellation();
    cancellation.cancel();

    Reconnector.Outcome<String> outcome =
        reconnector(pool, perServer()).run(connector, -1, cancellation, () -> null);

    assertInstanceOf(Reconnector.Cancelled.class, outcome);
    assertTrue(connector.attempts.isEmpty());
  }

  @Test
  void aSessionThatConnectsAfterCancellationIsAbandoned() {
    ServerPool pool = pool(false, "nats://a:4222");
    lostAfterLongSession(pool);
    Cancellation cancellation = new Cancellation();
    connector.then("a:4222", OK);
    connector.onConnect = cancellation::cancel;

    Reconnector.Outcome<String> outcome =
        reconnector(pool, perServer()).run(connector, -1, cancellation, () -> null);

    assertInstanceOf(Reconnector.Cancelled.class, outcome);
    assertEquals(List.of("session@a:4222"), connector.abandoned);
  }

  @Test
  void aCancelledWaitEndsTheLoop() {
    ServerPool pool = pool(false, "nats://a:4222");
    lostAfterLongSession(pool);
    Cancellation cancellation = new Cancellation();
    connector.onConnect = cancellation::cancel; // cancelled while the first attempt fails

    Reconnector.Outcome<String> outcome =
        reconnector(pool, perServer()).run(connector, -1, cancellation, () -> null);

    assertInstanceOf(Reconnector.Cancelled.class, outcome);
    assertEquals(1, connector.attempts.size());
  }

  private static InetAddress ip(String text) throws UnknownHostException {
    return InetAddress.getByName(text);
  }
}

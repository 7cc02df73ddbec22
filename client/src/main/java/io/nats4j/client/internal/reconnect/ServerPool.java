package io.nats4j.client.internal.reconnect;

import io.nats4j.client.ServerChooser;
import io.nats4j.client.ServerInfo;
import io.nats4j.client.internal.address.ServerAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers a connection may use: the configured seed URLs plus the {@code connect_urls} servers
 * announce in INFO, in the order they will be tried, with a failure count per server.
 *
 * <p>Order: seeds are shuffled once unless randomisation is off; discovered servers are appended
 * (shuffled among themselves). A server that was tried moves to the end, so every server gets a
 * turn before any is retried; the server just lost goes to the end when a reconnect begins, so the
 * others are tried first.
 *
 * <p>WebSocket ({@code ws://}, {@code wss://}) and plain TCP servers never share a pool: the
 * options refuse a mixed seed list and discovery refuses a server of the other family.
 *
 * <p>Discovered servers inherit the scheme and URL credentials of the server that announced them;
 * one announced as an address literal keeps that server's TLS host name, so certificate checks
 * still use the name the user configured. Discovered servers that a later INFO no longer lists are
 * dropped (unless connected to); configured ones never are.
 *
 * <p>Thread-safety: every method is safe from any thread; state is guarded by the pool's monitor
 * (the reader thread adds discovered servers while the reconnect thread picks the next one). The
 * user's chooser is called outside it.
 */
public final class ServerPool {
  private static final Logger LOG = LoggerFactory.getLogger(ServerPool.class);

  private final List<PoolEntry> order = new ArrayList<>(); // the try order
  private final boolean randomize;
  private final boolean ignoreDiscovered;
  private final Random random;
  private PoolEntry current;

  /**
   * Creates a pool.
   *
   * @param seeds the configured servers, at least one
   * @param randomize shuffle the seeds and discovered servers
   * @param ignoreDiscovered never add servers from INFO
   * @param random the shuffling source (seeded in tests)
   */
  public ServerPool(
      List<ServerAddress> seeds, boolean randomize, boolean ignoreDiscovered, Random random) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("no server URL given");
    }
    this.randomize = randomize;
    this.ignoreDiscovered = ignoreDiscovered;
    this.random = random;
    Set<String> keys = new HashSet<>();
    for (ServerAddress seed : seeds) {
      PoolEntry entry = new PoolEntry(seed, false, seed.host());
      if (keys.add(entry.key())) {
        order.add(entry);
      }
    }
    if (randomize) {
      Collections.shuffle(order, random);
    }
  }

  /**
   * Merges the {@code connect_urls} of an INFO into the pool.
   *
   * @param connectUrls {@code host:port} entries (or URLs) from INFO
   * @return the URLs (without credentials) that were new, in pool order; empty if none or if
   *     discovered servers are ignored
   */
  public synchronized List<String> discovered(List<String> connectUrls) {
    if (ignoreDiscovered || connectUrls == null) {
      return List.of();
    }
    PoolEntry announcer = current != null ? current : order.get(0);
    Set<String> announced = new HashSet<>();
    List<PoolEntry> added = new ArrayList<>();
    for (String text : connectUrls) {
      ServerAddress parsed;
      try {
        parsed = parseDiscovered(text, announcer.address());
      } catch (IllegalArgumentException e) {
        LOG.debug("ignoring announced server {}: {}", text, e.getMessage());
        continue;
      }
      String key = PoolEntry.keyOf(parsed);
      announced.add(key);
      if (find(key) == null && added.stream().noneMatch(e -> e.key().equals(key))) {
        String tlsName = isAddressLiteral(parsed.host()) ? announcer.tlsHostname() : parsed.host();
        added.add(new PoolEntry(parsed, true, tlsName));
      }
    }
    if (!announced.isEmpty()) {
      order.removeIf(e -> e.discovered() && e != current && !announced.contains(e.key()));
    }
    if (randomize) {
      Collections.shuffle(added, random);
    }
    order.addAll(added);
    return added.stream().map(PoolEntry::url).toList();
  }

  /**
   * A server announced by {@code announcer}. A WebSocket client is only ever told WebSocket URLs
   * (the server fills {@code connect_urls} with its {@code ws_connect_urls} for them, and sends
   * none when it has none), so a bare {@code host:port} takes the announcer's scheme; an announced
   * URL of the other family is refused: one pool never mixes WebSocket and plain TCP.
   */
  private static ServerAddress parseDiscovered(String text, ServerAddress announcer) {
    String family = announcer.webSocket() ? "ws" : "nats";
    ServerAddress a = ServerAddress.parse(text.contains("://") ? text : family + "://" + text);
    if (a.webSocket() != announcer.webSocket()) {
      throw new IllegalArgumentException(
          "a "
              + (announcer.webSocket() ? "WebSocket" : "TCP")
              + " pool never takes a "
              + a.scheme()
              + ":// server");
    }
    String scheme = a.scheme();
    if (announcer.tlsRequired()) {
      scheme = announcer.webSocket() ? "wss" : "tls";
    }
    return new ServerAddress(
        scheme, a.host(), a.port(), announcer.user(), announcer.password(), announcer.token());
  }

  /**
   * Tells whether a host is an IPv4 or IPv6 literal (no resolution needed).
   *
   * @param host a host
   * @return true for an address literal
   */
  public static boolean isAddressLiteral(String host) {
    if (host.indexOf(':') >= 0) {
      return true;
    }
    return !host.isEmpty() && host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }

  /**
   * Marks the start of a reconnect: the server just lost goes to the end of the order, and an
   * authentication error that ended the session counts as that server's last auth error.
   *
   * @param authError the auth error text that ended the session, or null
   * @param immediate the first attempt to the lost server need not wait (a forced reconnect)
   */
  public synchronized void reconnecting(String authError, boolean immediate) {
    for (PoolEntry e : order) {
      e.failures = 0;
    }
    if (current != null) {
      current.lastAuthError = authError;
      if (immediate) {
        current.tried = false;
      }
      if (order.remove(current)) {
        order.add(current);
      }
    }
  }

  /**
   * Picks the next server to try, asking the chooser (if any) first. The chooser runs outside the
   * pool's lock: it is user code and may call back into the connection.
   *
   * @param maxAttempts attempts per server, -1 for no limit
   * @param chooser the user's chooser, or null
   * @param lastInfo the most recent INFO, for the chooser
   * @return the selection, or null when every server has used its attempts
   */
  public Selection next(int maxAttempts, ServerChooser chooser, ServerInfo lastInfo) {
    List<PoolEntry> eligible;
    List<ServerChooser.Candidate> candidates;
    synchronized (this) {
      eligible = order.stream().filter(e -> maxAttempts < 0 || e.failures < maxAttempts).toList();
      if (eligible.isEmpty()) {
        return null;
      }
      candidates =
          eligible.stream()
              .map(e -> new ServerChooser.Candidate(e.url(), e.discovered(), e.failures))
              .toList();
    }
    PoolEntry chosen = eligible.get(0);
    java.time.Duration delay = null;
    if (chooser != null) {
      ServerChooser.Choice choice = askChooser(chooser, candidates, lastInfo);
      if (choice != null) {
        PoolEntry match =
            eligible.stream().filter(e -> e.url().equals(choice.url())).findFirst().orElse(null);
        if (match == null) {
          LOG.warn(
              "the ServerChooser chose {}, which is not in the pool {}; using {}",
              choice.url(),
              eligible,
              chosen);
        } else {
          chosen = match;
          delay = choice.delay();
        }
      }
    }
    synchronized (this) {
      if (order.remove(chosen)) {
        order.add(chosen);
      }
    }
    return new Selection(chosen, delay);
  }

  private static ServerChooser.Choice askChooser(
      ServerChooser chooser, List<ServerChooser.Candidate> candidates, ServerInfo lastInfo) {
    try {
      return chooser.choose(candidates, lastInfo);
    } catch (RuntimeException e) {
      LOG.warn("the ServerChooser threw; using the default order", e);
      return null;
    }
  }

  /**
   * A server picked by {@link #next}.
   *
   * @param entry the server
   * @param delay the chooser's delay, or null for the configured policy
   */
  public record Selection(PoolEntry entry, java.time.Duration delay) {}

  /**
   * Returns the time since the server was last tried.
   *
   * @param entry a server of this pool
   * @param nowNanos the clock's time
   * @return nanoseconds, or -1 if never tried
   */
  public synchronized long sinceLastAttempt(PoolEntry entry, long nowNanos) {
    return entry.tried ? nowNanos - entry.lastAttemptNanos : -1;
  }

  /**
   * Returns failed attempts to a server since the last reconnect began.
   *
   * @param entry a server of this pool
   * @return the count
   */
  public synchronized int failures(PoolEntry entry) {
    return entry.failures;
  }

  /**
   * Records that an attempt to a server starts now.
   *
   * @param entry the server
   * @param nowNanos the clock's time
   */
  public synchronized void attempting(PoolEntry entry, long nowNanos) {
    entry.tried = true;
    entry.lastAttemptNanos = nowNanos;
  }

  /**
   * Records a failed attempt.
   *
   * @param entry the server
   * @param authError the auth error text, or null if the failure was not about credentials
   * @return true if it is the same auth error as this server's previous one (twice in a row)
   */
  public synchronized boolean failed(PoolEntry entry, String authError) {
    entry.failures++;
    boolean repeated = authError != null && authError.equals(entry.lastAuthError);
    entry.lastAuthError = authError;
    return repeated;
  }

  /**
   * Records a successful connection: it becomes the current server, its counters reset.
   *
   * @param entry the server
   * @param nowNanos the clock's time
   */
  public synchronized void connected(PoolEntry entry, long nowNanos) {
    current = entry;
    entry.failures = 0;
    entry.lastAuthError = null;
    entry.tried = true;
    entry.lastAttemptNanos = nowNanos;
    if (!order.contains(entry)) {
      order.add(entry);
    }
  }

  /**
   * Returns the server connected to last.
   *
   * @return the current server, or null before the first connection
   */
  public synchronized PoolEntry current() {
    return current;
  }

  /**
   * Returns the servers in try order.
   *
   * @return a snapshot
   */
  public synchronized List<PoolEntry> servers() {
    return List.copyOf(order);
  }

  private PoolEntry find(String key) {
    for (PoolEntry e : order) {
      if (e.key().equals(key)) {
        return e;
      }
    }
    return null;
  }

  @Override
  public synchronized String toString() {
    return "ServerPool" + order;
  }
}

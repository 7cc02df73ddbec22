package io.nats4j.service;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.ConnectionListener;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.Message;
import io.nats4j.client.MessageHandler;
import io.nats4j.client.NatsException;
import io.nats4j.service.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: two dispatchers of its own (endpoints, discovery), the endpoints, and the
 * stop sequence (package-private; users see {@link Service}).
 *
 * <p>Thread-safety: adding endpoints and stopping are serialized by this object's monitor; stats
 * are read from the endpoints' own locks.
 */
final class NatsService implements Service {
  private static final Logger LOG = LoggerFactory.getLogger(NatsService.class);
  private static final Duration SUBSCRIBE_FLUSH = Duration.ofSeconds(5);
  private static final char[] ID_ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Connection connection;
  private final String id = newId();
  private final String name;
  private final String version;
  private final String description;
  private final Map<String, String> metadata;
  private final QueueGroupChoice queue;
  private final Executor executor;
  private final Function<EndpointInfo, ?> statsData;
  private final String apiPrefix;
  private final Instant started = Instant.now();
  private final PingResponse identity;
  private final byte[] pingJson;
  private final Dispatcher endpointDispatcher;
  private final Dispatcher discoveryDispatcher;
  private final List<EndpointRuntime> endpoints = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final CompletableFuture<Void> idle = new CompletableFuture<>();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final ConnectionListener closeWatcher;
  private volatile boolean stopping;
  private CompletableFuture<Void> stopResult; // guarded by this

  NatsService(
      Connection connection,
      String name,
      String version,
      String description,
      Map<String, String> metadata,
      QueueGroupChoice queue,
      Executor executor,
      Function<EndpointInfo, ?> statsData,
      String apiPrefix) {
    this.apiPrefix = apiPrefix;
    this.connection = connection;
    this.name = name;
    this.version = version;
    this.description = description;
    this.metadata = metadata;
    this.queue = queue;
    this.executor = executor;
    this.statsData = statsData;
    this.identity = new PingResponse(name, id, version, metadata);
    this.pingJson = Json.write(identity.toJson()).getBytes(StandardCharsets.UTF_8);
    this.endpointDispatcher = connection.createDispatcher("service-" + name);
    this.discoveryDispatcher = connection.createDispatcher("service-" + name + "-discovery");
    this.closeWatcher =
        event -> {
          if (event instanceof ConnectionEvent.Closed) {
            stopping = true;
            stopped.complete(null);
          }
        };
    connection.addConnectionListener(closeWatcher);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public void addEndpoint(Endpoint endpoint) {
    addEndpoint(null, endpoint);
  }

  @Override
  public synchronized void addEndpoint(Group group, Endpoint endpoint) {
    if (stopping) {
      throw new IllegalStateException(
          "service " + name + " is stopped: cannot add endpoint " + endpoint.name());
    }
    String subject = group == null ? endpoint.subject() : group.prefix() + "." + endpoint.subject();
    String queueGroup =
        QueueGroupChoice.resolve(
            endpoint.queueChoice(),
            group == null ? QueueGroupChoice.INHERIT : group.queueChoice(),
            queue);
    EndpointRuntime runtime =
        new EndpointRuntime(
            endpoint.name(), subject, queueGroup, endpoint.metadata(), endpoint.handler());
    MessageHandler handler = executor == null ? runtime::handle : handOff(runtime);
    runtime.subscription(
        queueGroup == null
            ? endpointDispatcher.subscribe(subject, handler)
            : endpointDispatcher.subscribe(subject, queueGroup, handler));
    endpoints.add(runtime);
    flushQuietly();
  }

  private MessageHandler handOff(EndpointRuntime runtime) {
    return message -> {
      inFlight.incrementAndGet();
      try {
        executor.execute(
            () -> {
              try {
                runtime.handle(message);
              } finally {
                handlerDone();
              }
            });
      } catch (RejectedExecutionException e) {
        handlerDone();
        runtime.recordError(503, "the service's executor rejected the request");
        if (message.replyTo() != null) {
          message.respond(
              ServiceRequest.errorHeaders(503, "the service's executor rejected the request"),
              new byte[0]);
        }
      }
    };
  }

  private void handlerDone() {
    if (inFlight.decrementAndGet() == 0 && stopping) {
      idle.complete(null);
    }
  }

  void startDiscovery() {
    for (String verb : List.of("PING", "INFO", "STATS")) {
      Supplier<byte[]> answer =
          switch (verb) {
            case "PING" -> () -> pingJson;
            case "INFO" -> () -> json(info().toJson());
            default -> () -> json(stats().toJson());
          };
      MessageHandler responder = request -> respond(request, answer);
      String base = apiPrefix + "." + verb;
      discoveryDispatcher.subscribe(base, responder);
      discoveryDispatcher.subscribe(base + "." + name, responder);
      discoveryDispatcher.subscribe(base + "." + name + "." + id, responder);
    }
    flushQuietly();
  }

  private static void respond(Message request, Supplier<byte[]> answer) {
    if (request.replyTo() == null) {
      return;
    }
    request.respond(answer.get());
  }

  private static byte[] json(Map<String, Object> value) {
    return Json.write(value).getBytes(StandardCharsets.UTF_8);
  }

  private void flushQuietly() {
    try {
      connection.flush(SUBSCRIBE_FLUSH);
    } catch (NatsException e) {
      // disconnected: the subscriptions go out with the reconnect
      LOG.debug("service {}: subscriptions not confirmed yet: {}", name, e.toString());
    }
  }

  @Override
  public PingResponse ping() {
    return identity;
  }

  @Override
  public ServiceInfo info() {
    return new ServiceInfo(
        identity, description, endpoints.stream().map(EndpointRuntime::info).toList());
  }

  @Override
  public ServiceStats stats() {
    return new ServiceStats(
        identity, started, endpoints.stream().map(e -> e.stats(statsData)).toList());
  }

  @Override
  public void reset() {
    endpoints.forEach(EndpointRuntime::reset);
  }

  @Override
  public synchronized CompletableFuture<Void> stop(Duration timeout) {
    if (stopResult != null) {
      return stopResult;
    }
    stopping = true;
    if (inFlight.get() == 0) {
      idle.complete(null);
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    stopResult = result;
    drain(endpointDispatcher, timeout)
        .handle((ok, error) -> error)
        .thenCompose(
            endpointError ->
                (executor == null ? CompletableFuture.<Void>completedFuture(null) : idle)
                    .thenCompose(x -> drain(discoveryDispatcher, timeout))
                    .handle(
                        (ok, discoveryError) ->
                            endpointError != null ? endpointError : discoveryError))
        .thenAccept(
            error -> {
              connection.removeConnectionListener(closeWatcher);
              stopped.complete(null);
              if (error == null) {
                result.complete(null);
              } else {
                result.completeExceptionally(error);
              }
            });
    return result;
  }

  private static CompletableFuture<Void> drain(Dispatcher dispatcher, Duration timeout) {
    try {
      return dispatcher.drain(timeout);
    } catch (NatsException e) {
      dispatcher.close(); // the connection is closed: nothing to drain
      return CompletableFuture.completedFuture(null);
    }
  }

  /** Undoes a start that failed half-way. */
  void abort() {
    stopping = true;
    connection.removeConnectionListener(closeWatcher);
    closeQuietly(endpointDispatcher);
    closeQuietly(discoveryDispatcher);
    stopped.complete(null);
  }

  private static void closeQuietly(Dispatcher dispatcher) {
    try {
      dispatcher.close();
    } catch (RuntimeException e) {
      LOG.debug("closing dispatcher {}: {}", dispatcher.name(), e.toString());
    }
  }

  @Override
  public CompletableFuture<Void> whenStopped() {
    return stopped.copy();
  }

  @Override
  public boolean isStopped() {
    return stopping;
  }

  @Override
  public String toString() {
    return "Service{" + name + " " + version + " id=" + id + "}";
  }

  private static String newId() {
    char[] out = new char[22]; // the length of a NUID, as the other clients use
    for (int i = 0; i < out.length; i++) {
      out[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
    }
    return new String(out);
  }
}

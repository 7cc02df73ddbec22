package io.nats4j.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.NoRespondersException;
import io.nats4j.client.RequestManyOptions;
import io.nats4j.service.internal.Json;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Service API against a real server: endpoints, queue groups, stats, discovery, stop. */
@NatsServerTest
class ServiceIT {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final byte[] EMPTY = new byte[0];

  private final NatsServer server;
  private Connection nc;
  private Connection client;

  ServiceIT(NatsServer server) {
    this.server = server;
  }

  @BeforeEach
  void connect() {
    nc = Nats.connect(server.clientUrl());
    client = Nats.connect(server.clientUrl());
  }

  @AfterEach
  void close() {
    nc.close();
    client.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  private static Endpoint echo(String name) {
    return Endpoint.builder(name).handler(r -> r.respond(r.data())).build();
  }

  private Service calc(Connection connection, String name) {
    return Service.builder(connection)
        .name(name)
        .version("1.2.3")
        .description("adds numbers")
        .metadata(Map.of("team", "math"))
        .addEndpoint(
            Group.named(name),
            Endpoint.builder("add")
                .metadata(Map.of("unit", "int"))
                .handler(
                    r -> {
                      String[] parts = r.dataAsString().split(",");
                      if (parts.length != 2) {
                        r.respondError(400, "need two numbers");
                        return;
                      }
                      r.respond(
                          Integer.toString(
                              Integer.parseInt(parts[0].trim())
                                  + Integer.parseInt(parts[1].trim())));
                    })
                .build())
        .addEndpoint(Group.named(name), echo("echo"))
        .start();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> rawJson(String subject) {
    Message reply = client.request(subject, EMPTY, WAIT);
    return (Map<String, Object>) Json.parse(reply.dataAsString());
  }

  @Test
  void discoveryFindsBothInstancesWithTheAdr32Schemas() {
    Service one = calc(nc, "calc");
    Service two = calc(client, "calc");
    Discovery discovery = new Discovery(client);

    Set<String> ids =
        discovery.ping("calc").stream().map(PingResponse::id).collect(Collectors.toSet());
    assertEquals(Set.of(one.id(), two.id()), ids);
    assertNotEquals(one.id(), two.id());

    ServiceInfo info = discovery.info("calc", one.id()).orElseThrow();
    assertEquals("1.2.3", info.version());
    assertEquals("adds numbers", info.description());
    assertEquals(Map.of("team", "math"), info.metadata());
    assertEquals(
        List.of("add", "echo"), info.endpoints().stream().map(EndpointInfo::name).toList());
    assertEquals("calc.add", info.endpoints().get(0).subject());
    assertEquals("q", info.endpoints().get(0).queueGroup().orElseThrow());
    assertEquals(Map.of("unit", "int"), info.endpoints().get(0).metadata());

    Map<String, Object> ping = rawJson("$SRV.PING.calc." + one.id());
    assertEquals(
        Map.of(
            "type", "io.nats.micro.v1.ping_response",
            "name", "calc",
            "id", one.id(),
            "version", "1.2.3",
            "metadata", Map.of("team", "math")),
        ping);
    Map<String, Object> infoJson = rawJson("$SRV.INFO.calc." + one.id());
    assertEquals("io.nats.micro.v1.info_response", infoJson.get("type"));
    assertEquals(
        Set.of("type", "name", "id", "version", "metadata", "description", "endpoints"),
        infoJson.keySet());
    Map<String, Object> statsJson = rawJson("$SRV.STATS.calc." + two.id());
    assertEquals("io.nats.micro.v1.stats_response", statsJson.get("type"));
    assertEquals(
        Set.of("type", "name", "id", "version", "metadata", "endpoints", "started"),
        statsJson.keySet());
    @SuppressWarnings("unchecked")
    Map<String, Object> endpoint = ((List<Map<String, Object>>) statsJson.get("endpoints")).get(0);
    assertEquals(
        Set.of(
            "name",
            "subject",
            "queue_group",
            "num_requests",
            "num_errors",
            "last_error",
            "processing_time",
            "average_processing_time"),
        endpoint.keySet());
    assertEquals("", endpoint.get("last_error"));

    assertTrue(discovery.ping().size() >= 2, "$SRV.PING reaches every service");
    assertEquals(2, discovery.stats("calc").size());
    assertTrue(discovery.info("calc", "no-such-id").isEmpty());
  }

  @Test
  void twoInstancesInAQueueGroupShareTheLoad() {
    Service one = calc(nc, "shared");
    Service two = calc(client, "shared");
    try (Connection requester = Nats.connect(server.clientUrl())) {
      for (int i = 0; i < 200; i++) {
        assertEquals(
            Integer.toString(i + 1),
            requester
                .request("shared.add", (i + ",1").getBytes(StandardCharsets.UTF_8), WAIT)
                .dataAsString());
      }
    }
    long first = one.stats().endpoint("add").numRequests();
    long second = two.stats().endpoint("add").numRequests();
    assertEquals(200, first + second);
    assertTrue(first > 0 && second > 0, "both served: " + first + " / " + second);
  }

  @Test
  void withoutAQueueGroupEveryInstanceAnswers() {
    for (Connection c : List.of(nc, client)) {
      Service.builder(c)
          .name("fanout")
          .version("0.1.0")
          .noQueueGroup()
          .addEndpoint(echo("all"))
          .start();
    }
    RequestManyOptions options =
        RequestManyOptions.builder().totalTimeout(Duration.ofSeconds(1)).build();
    List<Message> replies =
        client.requestManyAsync("all", null, "x".getBytes(StandardCharsets.UTF_8), options).join();
    assertEquals(2, replies.size());
    ServiceInfo info = new Discovery(client).info("fanout").get(0);
    assertTrue(info.endpoints().get(0).queueGroup().isEmpty());
  }

  @Test
  void queueGroupsCanBeOverriddenPerServiceGroupAndEndpoint() {
    Service service =
        Service.builder(nc)
            .name("queues")
            .version("1.0.0")
            .queueGroup("svcq")
            .addEndpoint(echo("a"))
            .addEndpoint(Group.named("g").withQueueGroup("groupq"), echo("b"))
            .addEndpoint(
                Group.named("g"), Endpoint.builder("c").queueGroup("epq").handler(r -> {}).build())
            .addEndpoint(Group.named("h").withoutQueueGroup(), echo("d"))
            .start();
    Map<String, String> queues =
        service.info().endpoints().stream()
            .collect(Collectors.toMap(EndpointInfo::subject, e -> e.queueGroup().orElse("<none>")));
    assertEquals(Map.of("a", "svcq", "g.b", "groupq", "g.c", "epq", "h.d", "<none>"), queues);
  }

  @Test
  void statsCountRequestsErrorsAndProcessingTime() {
    Service service =
        Service.builder(nc)
            .name("stats")
            .version("1.0.0")
            .statsData(endpoint -> Map.of("endpoint", endpoint.name(), "answer", 42))
            .addEndpoint(
                Endpoint.builder("work")
                    .handler(
                        r -> {
                          if (r.dataAsString().equals("bad")) {
                            r.respondError(400, "bad input");
                          } else {
                            r.respond("ok");
                          }
                        })
                    .build())
            .start();
    for (String payload : List.of("a", "b", "bad", "c")) {
      client.request("work", payload.getBytes(StandardCharsets.UTF_8), WAIT);
    }
    Message error = client.request("work", "bad".getBytes(StandardCharsets.UTF_8), WAIT);
    ServiceErrorException parsed = ServiceErrorException.of(error);
    assertEquals(400, parsed.code());
    assertEquals("bad input", parsed.description());

    ServiceStats stats = new Discovery(client).stats("stats", service.id()).orElseThrow();
    EndpointStats work = stats.endpoint("work");
    assertEquals(5, work.numRequests());
    assertEquals(2, work.numErrors());
    assertEquals("400:bad input", work.lastError());
    assertTrue(work.processingTime().toNanos() > 0);
    assertEquals(work.processingTime().toNanos() / 5, work.averageProcessingTime().toNanos());
    assertEquals(Map.of("endpoint", "work", "answer", 42L), work.data());

    service.reset();
    EndpointStats afterReset = service.stats().endpoint("work");
    assertEquals(0, afterReset.numRequests());
    assertEquals(0, afterReset.numErrors());
    assertEquals("", afterReset.lastError());
    assertEquals(Duration.ZERO, afterReset.processingTime());
  }

  @Test
  void aThrowingHandlerGetsA500ReplyAndTheServiceKeepsServing() {
    Service service =
        Service.builder(nc)
            .name("fragile")
            .version("1.0.0")
            .addEndpoint(
                Endpoint.builder("maybe")
                    .handler(
                        r -> {
                          if (r.dataAsString().equals("boom")) {
                            throw new IllegalStateException("exploded");
                          }
                          r.respond("fine");
                        })
                    .build())
            .start();
    for (int i = 0; i < 3; i++) {
      Message reply = client.request("maybe", "boom".getBytes(StandardCharsets.UTF_8), WAIT);
      assertEquals("500", reply.headers().first(Service.ERROR_CODE_HEADER));
      assertEquals("exploded", reply.headers().first(Service.ERROR_HEADER));
      assertEquals(
          "fine",
          client.request("maybe", "ok".getBytes(StandardCharsets.UTF_8), WAIT).dataAsString());
    }
    EndpointStats stats = service.stats().endpoint("maybe");
    assertEquals(6, stats.numRequests());
    assertEquals(3, stats.numErrors());
    assertEquals("500:exploded", stats.lastError());
    assertNull(ServiceErrorException.of(client.request("maybe", EMPTY, WAIT)));
  }

  @Test
  void keepsServingAndAnsweringDiscoveryAfterAReconnect() throws Exception {
    Service service = calc(nc, "survivor");
    CountDownLatch resubscribed = new CountDownLatch(1);
    nc.addConnectionListener(
        e -> {
          if (e instanceof ConnectionEvent.Resubscribed) {
            resubscribed.countDown();
          }
        });
    nc.forceReconnect();
    assertTrue(resubscribed.await(20, TimeUnit.SECONDS));
    nc.flush(WAIT);
    assertEquals(
        "5",
        client
            .request("survivor.add", "2,3".getBytes(StandardCharsets.UTF_8), WAIT)
            .dataAsString());
    assertEquals(
        service.id(), new Discovery(client).ping("survivor", service.id()).orElseThrow().id());
    assertEquals(1, new Discovery(client).stats("survivor").get(0).endpoint("add").numRequests());
  }

  @Test
  void endpointsAddedAfterStartServeAndShowInDiscovery() {
    Service service = Service.builder(nc).name("growing").version("1.0.0").start();
    assertTrue(service.info().endpoints().isEmpty());
    service.addEndpoint(Group.named("late"), echo("echo"));
    assertEquals(
        "hi",
        client.request("late.echo", "hi".getBytes(StandardCharsets.UTF_8), WAIT).dataAsString());
    ServiceInfo info = new Discovery(client).info("growing", service.id()).orElseThrow();
    assertEquals("late.echo", info.endpoints().get(0).subject());
  }

  @Test
  void stopDrainsInFlightHandlersThenDiscovery() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Service service =
          Service.builder(nc)
              .name("stopper")
              .version("1.0.0")
              .executor(executor)
              .addEndpoint(
                  Endpoint.builder("slow")
                      .handler(
                          r -> {
                            entered.countDown();
                            assertTrue(release.await(20, TimeUnit.SECONDS));
                            r.respond("done");
                          })
                      .build())
              .start();
      CompletableFuture<Message> reply = client.requestAsync("slow", EMPTY, Duration.ofSeconds(20));
      assertTrue(entered.await(10, TimeUnit.SECONDS));
      CompletableFuture<Void> stopped = service.stop(Duration.ofSeconds(20));
      assertTrue(service.isStopped());
      assertThrows(IllegalStateException.class, () -> service.addEndpoint(echo("late")));
      assertFalse(stopped.isDone(), "waits for the in-flight handler");
      release.countDown();
      stopped.get(20, TimeUnit.SECONDS);
      assertEquals("done", reply.get(10, TimeUnit.SECONDS).dataAsString());
      service.whenStopped().get(1, TimeUnit.SECONDS);
      assertThrows(NoRespondersException.class, () -> client.request("slow", EMPTY, WAIT));
      assertTrue(new Discovery(client, Duration.ofMillis(500), 0).ping("stopper").isEmpty());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aHandlerMayStopItsOwnService() throws Exception {
    CompletableFuture<CompletableFuture<Void>> stopping = new CompletableFuture<>();
    Service[] self = new Service[1];
    self[0] =
        Service.builder(nc)
            .name("selfstop")
            .version("1.0.0")
            .addEndpoint(
                Endpoint.builder("quit")
                    .handler(
                        r -> {
                          stopping.complete(self[0].stop(WAIT));
                          r.respond("bye");
                        })
                    .build())
            .start();
    assertEquals("bye", client.request("quit", EMPTY, WAIT).dataAsString());
    stopping.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
    assertTrue(self[0].isStopped());
  }

  @Test
  void closingTheConnectionStopsTheService() throws Exception {
    try (Connection own = Nats.connect(server.clientUrl())) {
      Service service = Service.builder(own).name("closing").version("1.0.0").start();
      own.close();
      service.whenStopped().get(10, TimeUnit.SECONDS);
      assertTrue(service.isStopped());
    }
  }

  @Test
  void anotherApiPrefixMovesDiscovery() {
    Service service =
        Service.builder(nc).name("prefixed").version("1.0.0").apiPrefix("$ALT.srv").start();
    Discovery quick = new Discovery(client, Duration.ofMillis(500), 0);
    assertTrue(quick.ping("prefixed").isEmpty(), "not under $SRV");
    assertEquals(
        service.id(),
        quick.withApiPrefix("$ALT.srv").ping("prefixed", service.id()).orElseThrow().id());
    assertThrows(IllegalArgumentException.class, () -> quick.withApiPrefix("a.*"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Service.builder(nc).name("p").version("1.0.0").apiPrefix("a.>").start());
  }

  @Test
  void badConfigurationIsRefusedWithClearErrors() {
    IllegalArgumentException name =
        assertThrows(
            IllegalArgumentException.class,
            () -> Service.builder(nc).name("bad name").version("1.0.0").start());
    assertTrue(name.getMessage().contains("service name 'bad name'"), name.getMessage());
    IllegalArgumentException version =
        assertThrows(
            IllegalArgumentException.class,
            () -> Service.builder(nc).name("ok").version("1.0").start());
    assertTrue(version.getMessage().contains("SemVer"), version.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Service.builder(nc).name("ok").version("01.0.0").start());
    assertThrows(
        IllegalArgumentException.class, () -> Service.builder(nc).version("1.0.0").start());
    IllegalArgumentException subject =
        assertThrows(
            IllegalArgumentException.class,
            () -> Endpoint.builder("e").subject("a..b").handler(r -> {}).build());
    assertTrue(subject.getMessage().contains("empty token"), subject.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Endpoint.builder("e").subject("a.>.b").handler(r -> {}).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Endpoint.builder("e").subject("has space").handler(r -> {}).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Endpoint.builder("e").subject("$SRV.PING").handler(r -> {}).build());
    assertThrows(
        IllegalArgumentException.class, () -> Endpoint.builder("e.x").handler(r -> {}).build());
    assertThrows(IllegalArgumentException.class, () -> Endpoint.builder("e").build());
    IllegalArgumentException group =
        assertThrows(IllegalArgumentException.class, () -> Group.named("a.>"));
    assertTrue(group.getMessage().contains("group name"), group.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Service.builder(nc).name("ok").version("1.0.0").queueGroup("has space").start());
    // nothing was subscribed, the connection is fine
    assertEquals(
        "1.0.0-rc.1+build.5",
        Service.builder(nc).name("ok").version("1.0.0-rc.1+build.5").start().version());
  }
}

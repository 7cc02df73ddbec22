package io.nats4j.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.service.internal.Json;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.InteropTools;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wire compatibility with the other official Service API implementations: the {@code nats micro}
 * CLI (nats.go's micro underneath) reads a nats4j service, and nats4j's discovery reads a service
 * run by nats.js {@code @nats-io/services}. Skipped with a reason when {@code
 * scripts/interop-install} has not installed the tools.
 */
@NatsServerTest
class ServiceInteropIT {
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final NatsServer server;
  private Connection nc;

  ServiceInteropIT(NatsServer server) {
    this.server = server;
  }

  @BeforeEach
  void connect() {
    nc = Nats.connect(server.clientUrl());
  }

  @AfterEach
  void close() {
    nc.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  private Service greeter() {
    return Service.builder(nc)
        .name("greeter")
        .version("2.0.1")
        .description("says hello")
        .metadata(Map.of("lang", "java"))
        .addEndpoint(
            Group.named("greet"),
            Endpoint.builder("hello")
                .metadata(Map.of("style", "polite"))
                .handler(r -> r.respond("hello " + r.dataAsString()))
                .build())
        .addEndpoint(Endpoint.builder("fail").handler(r -> r.respondError(418, "teapot")).build())
        .start();
  }

  private String cli(String... args) {
    return InteropTools.nats(server.clientUrl(), TOOL_TIMEOUT, args).expectSuccess();
  }

  @SuppressWarnings("unchecked")
  private static <T> T json(String text) {
    return (T) Json.parse(text.trim());
  }

  @Test
  @SuppressWarnings("unchecked")
  void theNatsCliSeesANats4jServiceAsItSeesANatsGoOne() {
    assumeTrue(InteropTools.natsCli().isPresent(), "nats CLI missing: run scripts/interop-install");
    Service service = greeter();
    nc.request("greet.hello", "cli".getBytes(StandardCharsets.UTF_8), WAIT);
    nc.request("fail", new byte[0], WAIT);

    List<Map<String, Object>> list = json(cli("micro", "list", "--json"));
    Map<String, Object> listed =
        list.stream().filter(s -> service.id().equals(s.get("id"))).findFirst().orElseThrow();
    assertEquals("greeter", listed.get("name"));
    assertEquals("2.0.1", listed.get("version"));

    // natscli prints {"info": <info_response>, "stats": <stats_response>} for one instance
    Map<String, Map<String, Object>> both =
        json(cli("micro", "info", "greeter", service.id(), "--json"));
    assertEquals(service.id(), both.get("stats").get("id"));
    Map<String, Object> info = both.get("info");
    assertEquals("io.nats.micro.v1.info_response", info.get("type"));
    assertEquals(service.id(), info.get("id"));
    assertEquals("says hello", info.get("description"));
    assertEquals(Map.of("lang", "java"), info.get("metadata"));
    List<Map<String, Object>> endpoints = (List<Map<String, Object>>) info.get("endpoints");
    assertEquals("greet.hello", endpoints.get(0).get("subject"));
    assertEquals("q", endpoints.get(0).get("queue_group"));
    assertEquals(Map.of("style", "polite"), endpoints.get(0).get("metadata"));

    List<Map<String, Object>> stats = json(cli("micro", "stats", "greeter", "--json"));
    Map<String, Object> mine =
        stats.stream().filter(s -> service.id().equals(s.get("id"))).findFirst().orElseThrow();
    assertEquals("io.nats.micro.v1.stats_response", mine.get("type"));
    List<Map<String, Object>> endpointStats = (List<Map<String, Object>>) mine.get("endpoints");
    assertEquals(1L, ((Number) endpointStats.get(0).get("num_requests")).longValue());
    assertEquals(1L, ((Number) endpointStats.get(1).get("num_errors")).longValue());
    assertEquals("418:teapot", endpointStats.get(1).get("last_error"));
    assertTrue(((Number) endpointStats.get(0).get("processing_time")).longValue() > 0);

    String ping = cli("micro", "ping", "greeter");
    assertTrue(ping.contains(service.id()), ping);
    String plainInfo = cli("micro", "info", "greeter", service.id());
    assertTrue(plainInfo.contains("greet.hello"), plainInfo);
  }

  /** The JSON's structure: field names and value kinds. */
  private static Object shape(Object json) {
    if (json instanceof Map<?, ?> map) {
      java.util.TreeMap<String, Object> out = new java.util.TreeMap<>();
      // metadata: any string map (nats.go may send null for an empty one)
      // data: the service's own stats data (the nats.go demo has some), left out
      map.forEach(
          (k, v) -> {
            if (!k.equals("data")) {
              out.put((String) k, k.equals("metadata") ? "string map" : shape(v));
            }
          });
      return out;
    }
    if (json instanceof List<?> list) {
      return list.isEmpty() ? List.of() : List.of(shape(list.get(0)));
    }
    if (json instanceof Number) {
      return "number";
    }
    return json == null ? "null" : json.getClass().getSimpleName();
  }

  @Test
  void theNatsCliShowsANats4jServiceWithTheSameStructureAsANatsGoService() throws Exception {
    assumeTrue(InteropTools.natsCli().isPresent(), "nats CLI missing: run scripts/interop-install");
    // `nats service serve` runs nats.go's micro demo service until it is stopped
    Process go =
        new ProcessBuilder(
                InteropTools.natsCli().get().toString(),
                "--server=" + server.clientUrl(),
                "--no-context",
                "service",
                "serve",
                "gosvc")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      Service service = greeter();
      nc.request("greet.hello", "cli".getBytes(StandardCharsets.UTF_8), WAIT);
      Discovery discovery = new Discovery(nc);
      Await.until(() -> discovery.ping("gosvc").size() == 1, "the nats.go service answers PING");
      String goId = discovery.ping("gosvc").get(0).id();
      // nats4j's discovery reads the nats.go service too
      ServiceInfo goInfo = discovery.info("gosvc", goId).orElseThrow();
      assertEquals("gosvc", goInfo.name());
      assertTrue(!goInfo.endpoints().isEmpty(), goInfo.toString());
      String goSubject = goInfo.endpoints().get(0).subject();
      nc.request(goSubject, "x".getBytes(StandardCharsets.UTF_8), WAIT);
      assertEquals(
          1, discovery.stats("gosvc", goId).orElseThrow().endpoints().get(0).numRequests());

      Map<String, Object> ours = json(cli("micro", "info", "greeter", service.id(), "--json"));
      Map<String, Object> theirs = json(cli("micro", "info", "gosvc", goId, "--json"));
      assertEquals(shape(theirs.get("info")), shape(ours.get("info")));
      Map<String, Object> ourStats = (Map<String, Object>) ours.get("stats");
      Map<String, Object> theirStats = (Map<String, Object>) theirs.get("stats");
      assertEquals(shape(theirStats), shape(ourStats));
      String ourPing = cli("micro", "ping", "greeter");
      String theirPing = cli("micro", "ping", "gosvc");
      assertEquals(
          theirPing.replace(goId, "ID").replaceAll("rtt=\\S+", "").replace("gosvc", "NAME").trim(),
          ourPing
              .replace(service.id(), "ID")
              .replaceAll("rtt=\\S+", "")
              .replace("greeter", "NAME")
              .trim());
    } finally {
      go.destroy();
      if (!go.waitFor(10, TimeUnit.SECONDS)) {
        go.destroyForcibly().waitFor();
      }
    }
  }

  @Test
  void nats4jDiscoveryReadsAServiceRunByNatsJs() throws Exception {
    assumeTrue(
        InteropTools.nodeModules().isPresent()
            && Files.isDirectory(
                InteropTools.nodeModules().get().resolve("@nats-io").resolve("services")),
        "nats.js @nats-io/services or node missing: run scripts/interop-install");
    String script =
        """
        import { connect } from "@nats-io/transport-node";
        import { Svcm } from "@nats-io/services";
        const nc = await connect({ servers: process.env.NATS_URL });
        const srv = await new Svcm(nc).add({
          name: "jsvc", version: "3.2.1", description: "from nats.js", metadata: { lang: "js" },
        });
        srv.addGroup("js").addEndpoint("hello", {
          handler: (err, msg) => msg.respond("hello " + msg.string()),
          metadata: { kind: "greeting" },
        });
        const done = nc.subscribe("interop.done", { max: 1 });
        await nc.flush();
        nc.publish("interop.ready", srv.info().id);
        for await (const m of done) { m.respond("bye"); }
        await srv.stop();
        await nc.close();
        """;
    var ready = nc.subscribe("interop.ready");
    nc.flush(WAIT);
    CompletableFuture<InteropTools.Result> js =
        CompletableFuture.supplyAsync(
            () -> InteropTools.node(server.clientUrl(), script, null, TOOL_TIMEOUT));
    try {
      String id = ready.next(Duration.ofSeconds(30)).dataAsString();
      assertEquals(
          "hello java",
          nc.request("js.hello", "java".getBytes(StandardCharsets.UTF_8), WAIT).dataAsString());

      Discovery discovery = new Discovery(nc);
      Await.until(() -> discovery.ping("jsvc").size() == 1, "the nats.js service answers PING");
      PingResponse ping = discovery.ping("jsvc", id).orElseThrow();
      assertEquals("3.2.1", ping.version());
      ServiceInfo info = discovery.info("jsvc", id).orElseThrow();
      assertEquals("from nats.js", info.description());
      assertEquals(Map.of("lang", "js"), info.metadata());
      assertEquals("js.hello", info.endpoints().get(0).subject());
      assertEquals("q", info.endpoints().get(0).queueGroup().orElseThrow());
      assertEquals(Map.of("kind", "greeting"), info.endpoints().get(0).metadata());
      ServiceStats stats = discovery.stats("jsvc").get(0);
      assertEquals(id, stats.id());
      assertEquals(1, stats.endpoints().get(0).numRequests());
      assertTrue(stats.started().toEpochMilli() > 0);
    } finally {
      nc.request("interop.done", new byte[0], Duration.ofSeconds(30));
      js.get(60, TimeUnit.SECONDS).expectSuccess();
    }
  }
}

package io.nats4j.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats4j.client.Headers;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StoredMessage;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.testkit.InteropTools;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Wire compatibility with the other clients: the {@code nats} CLI 0.5.0 (nats.go underneath) and
 * nats.js 3.4 ({@code @nats-io/kv}) read what nats4j wrote, byte for byte, and the other way round.
 */
class KeyValueInteropIT extends KeyValueTestBase {
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final byte[] BINARY = {0, 1, 2, (byte) 0xff, '\r', '\n', ' ', 'z'};
  private static final byte[] UTF8_BYTES = {0, 1, '\r', '\n', (byte) 0xc3, (byte) 0xa9, ' '};

  KeyValueInteropIT(NatsServer server) {
    super(server);
  }

  private static String bucket() {
    return "I" + NEXT.incrementAndGet();
  }

  private String cli(String... args) {
    return InteropTools.nats(server.clientUrl(), TOOL_TIMEOUT, args).expectSuccess();
  }

  private InteropTools.Result cliResult(String... args) {
    return InteropTools.nats(server.clientUrl(), TOOL_TIMEOUT, args);
  }

  private static void assumeCli() {
    assumeTrue(InteropTools.natsCli().isPresent(), "nats CLI missing: run scripts/interop-install");
  }

  private static void assumeNode() {
    assumeTrue(
        InteropTools.nodeModules().isPresent(),
        "nats.js or node missing: run scripts/interop-install");
  }

  /** The stream config without what differs by name (name, subjects, server metadata). */
  private StreamConfig comparable(String bucket) {
    StreamConfig c = js.streams().info("KV_" + bucket).config();
    Map<String, String> meta = new HashMap<>(c.metadata());
    meta.keySet().removeIf(k -> k.startsWith("_nats."));
    return c.toBuilder().name("KV_X").subjects("$KV.X.>").metadata(meta).build();
  }

  @Test
  @RequiresServerVersion("2.11.0") // the CLI bucket uses limit markers (--marker-ttl)
  void bucketConfigIsFieldByFieldWhatNatsKvAddMakes() {
    assumeCli();
    String theirs = bucket();
    cli(
        "kv",
        "add",
        theirs,
        "--history=5",
        "--ttl=1h",
        "--max-value-size=1024",
        "--max-bucket-size=1048576",
        "--storage=memory",
        "--compress",
        "--metadata=team:a",
        "--description=d",
        "--marker-ttl=5s");
    String ours = bucket();
    kvm.create(
        KeyValueConfig.builder(ours)
            .history(5)
            .ttl(Duration.ofHours(1))
            .maxValueSize(1024)
            .maxBucketBytes(1048576)
            .storage(StorageType.MEMORY)
            .compression(true)
            .metadata("team", "a")
            .description("d")
            .limitMarkerTtl(Duration.ofSeconds(5))
            .build());
    assertEquals(comparable(theirs), comparable(ours));

    String theirsDefault = bucket();
    cli("kv", "add", theirsDefault);
    String oursDefault = bucket();
    kvm.create(KeyValueConfig.builder(oursDefault).build());
    assertEquals(comparable(theirsDefault), comparable(oursDefault));
    assertEquals(
        kvm.status(theirs).config().toBuilder().bucket("X").build(),
        kvm.status(ours).config().toBuilder().bucket("X").build());
  }

  @Test
  void natsCliReadsWhatNats4jWrote() {
    assumeCli();
    String b = bucket();
    KeyValue kv = kvm.create(KeyValueConfig.builder(b).history(10).build());
    long r1 = kv.put("a.b", "hello");
    long r2 = kv.put("a.b", "world");
    kv.put("bin", BINARY);
    kv.put("d", "gone");
    kv.delete("d");
    kv.put("p", "x");
    kv.purge("p");

    assertEquals("world", cli("kv", "get", b, "a.b", "--raw"));
    assertEquals("hello", cli("kv", "get", b, "a.b", "--revision=" + r1, "--raw"));
    assertTrue(cli("kv", "get", b, "a.b").contains("revision: " + r2));
    // The test kit reads tool output as strict UTF-8: the CLI gets valid UTF-8 with control bytes.
    kv.put("utf", UTF8_BYTES);
    assertArrayEquals(UTF8_BYTES, cli("kv", "get", b, "utf", "--raw").getBytes(UTF_8));
    InteropTools.Result deleted = cliResult("kv", "get", b, "d");
    assertNotEquals(0, deleted.exitCode());
    assertTrue(deleted.stderr().contains("key not found"), deleted.stderr());
    assertNotEquals(0, cliResult("kv", "get", b, "p").exitCode());
    String history = cli("kv", "history", b, "d");
    assertTrue(history.contains("PUT") && history.contains("DELETE"), history);
    assertTrue(cli("kv", "history", b, "p").contains("PURGE"));
    String keys = cli("kv", "ls", b);
    assertTrue(keys.contains("a.b") && keys.contains("bin"), keys);
    assertTrue(!keys.contains("\nd\n") && !keys.contains("\np\n"), keys);
    assertTrue(cli("kv", "ls", "--names").contains(b));
    assertTrue(cli("kv", "info", b).contains("History"), "kv info reads our bucket");
  }

  @Test
  void nats4jReadsWhatNatsCliWroteAndTheMarkersAreTheSameBytes() {
    assumeCli();
    String b = bucket();
    cli("kv", "add", b, "--history=10");
    cli("kv", "put", b, "k", "v1");
    cli("kv", "create", b, "c", "created");
    cli("kv", "update", b, "k", "v2", "1");
    cli("kv", "put", b, "d", "x");
    cli("kv", "del", b, "d", "-f");
    cli("kv", "put", b, "p", "x");
    cli("kv", "purge", b, "p", "-f");
    KeyValue kv = kvm.open(b);
    assertEquals("v2", kv.get("k").orElseThrow().valueAsString());
    assertEquals(3, kv.get("k").orElseThrow().revision());
    assertEquals("v1", kv.get("k", 1).orElseThrow().valueAsString());
    assertEquals("created", kv.get("c").orElseThrow().valueAsString());
    assertTrue(kv.get("d").isEmpty());
    assertTrue(kv.get("p").isEmpty());
    assertEquals(KeyValueOperation.DELETE, kv.latest("d").operation());
    assertEquals(KeyValueOperation.PURGE, kv.latest("p").operation());
    // nats4j's markers on the same bucket are stored exactly as the CLI's.
    kv.put("d2", "x");
    kv.delete("d2");
    kv.put("p2", "x");
    kv.purge("p2");
    assertSameMarker(b, "d", "d2");
    assertSameMarker(b, "p", "p2");
    // create after the CLI's delete/purge, and the CLI's create after nats4j's.
    kv.create("d", "again".getBytes(UTF_8));
    kv.create("p", "again".getBytes(UTF_8));
    cli("kv", "create", b, "d2", "theirs");
    assertEquals("theirs", kv.get("d2").orElseThrow().valueAsString());
    assertNotEquals(0, cliResult("kv", "create", b, "d", "refused").exitCode());
  }

  private void assertSameMarker(String bucket, String theirsKey, String oursKey) {
    StoredMessage theirs =
        js.streams().getLastMessage("KV_" + bucket, "$KV." + bucket + "." + theirsKey);
    StoredMessage ours =
        js.streams().getLastMessage("KV_" + bucket, "$KV." + bucket + "." + oursKey);
    assertArrayEquals(theirs.data(), ours.data());
    assertEquals(headerMap(theirs.headers()), headerMap(ours.headers()));
  }

  private static Map<String, List<String>> headerMap(Headers h) {
    Map<String, List<String>> m = new HashMap<>();
    for (String k : h.keys()) {
      m.put(k, h.get(k));
    }
    return m;
  }

  @Test
  void natsJsReadsWhatNats4jWroteAndNats4jReadsWhatNatsJsWrote() {
    assumeNode();
    String b = bucket();
    KeyValue kv = kvm.create(KeyValueConfig.builder(b).history(10).build());
    long r1 = kv.put("a.b", "hello");
    kv.put("a.b", "world");
    kv.put("bin", BINARY);
    kv.put("d", "gone");
    kv.delete("d");
    kv.put("p", "x");
    kv.purge("p");
    String script =
        """
        import { connect } from "@nats-io/transport-node";
        import { Kvm } from "@nats-io/kv";
        const nc = await connect({ servers: process.env.NATS_URL });
        const kv = await new Kvm(nc).open("BUCKET");
        const out = {};
        const show = (e) => e === null ? null
            : { rev: e.revision, op: e.operation, b64: Buffer.from(e.value).toString("base64") };
        out.ab = show(await kv.get("a.b"));
        out.ab1 = show(await kv.get("a.b", { revision: REV1 }));
        out.bin = show(await kv.get("bin"));
        out.d = show(await kv.get("d"));
        out.p = show(await kv.get("p"));
        const keys = [];
        for await (const k of await kv.keys()) keys.push(k);
        out.keys = keys.sort();
        await kv.put("js.k", new Uint8Array([0, 255, 10]));
        await kv.put("js.d", "x"); await kv.delete("js.d");
        await kv.put("js.p", "x"); await kv.purge("js.p");
        await kv.create("js.c", "made");
        console.log(JSON.stringify(out));
        await nc.close();
        """
            .replace("BUCKET", b)
            .replace("REV1", Long.toString(r1));
    String out =
        InteropTools.node(server.clientUrl(), script, null, TOOL_TIMEOUT).expectSuccess().trim();
    String b64 = Base64.getEncoder().encodeToString(BINARY);
    assertTrue(out.contains("\"ab\":{\"rev\":2,\"op\":\"PUT\",\"b64\":\"d29ybGQ=\"}"), out);
    assertTrue(out.contains("\"ab1\":{\"rev\":1,\"op\":\"PUT\",\"b64\":\"aGVsbG8=\"}"), out);
    assertTrue(out.contains("\"bin\":{\"rev\":3,\"op\":\"PUT\",\"b64\":\"" + b64 + "\"}"), out);
    assertTrue(out.contains("\"d\":{\"rev\":5,\"op\":\"DEL\",\"b64\":\"\"}"), out);
    assertTrue(out.contains("\"p\":{\"rev\":7,\"op\":\"PURGE\",\"b64\":\"\"}"), out);
    assertTrue(out.contains("\"keys\":[\"a.b\",\"bin\"]"), out);

    assertArrayEquals(new byte[] {0, (byte) 255, 10}, kv.get("js.k").orElseThrow().value());
    assertTrue(kv.get("js.d").isEmpty());
    assertEquals(KeyValueOperation.DELETE, kv.latest("js.d").operation());
    assertEquals(KeyValueOperation.PURGE, kv.latest("js.p").operation());
    assertEquals("made", kv.get("js.c").orElseThrow().valueAsString());
    assertSameMarker(b, "js.d", "d");
    assertSameMarker(b, "js.p", "p");
  }
}

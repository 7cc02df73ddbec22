package io.nats4j.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats4j.objectstore.internal.ObjectNames;
import io.nats4j.testkit.InteropTools;
import io.nats4j.testkit.NatsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wire compatibility with the {@code nats} CLI 0.5.0 (nats.go) and nats.js 3.4 ({@code
 * @nats-io/obj}): each reads what the other wrote, and what they store is compared field by field.
 */
class ObjectInteropIT extends ObjectStoreTestBase {
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  ObjectInteropIT(NatsServer server) {
    super(server, "IOP");
  }

  private String cli(String... args) {
    return InteropTools.nats(server.clientUrl(), TOOL_TIMEOUT, args).expectSuccess();
  }

  private static void requireCli() {
    assumeTrue(InteropTools.natsCli().isPresent(), "nats CLI missing: run scripts/interop-install");
  }

  private static void requireNode() {
    assumeTrue(
        InteropTools.nodeModules().isPresent(),
        "nats.js/node missing: run scripts/interop-install");
  }

  private byte[] rawMeta(String name) {
    return js.streams()
        .directGetLast(ObjectNames.stream(bucket), ObjectNames.metaSubject(bucket, name))
        .data();
  }

  private JsonNode streamConfigJson(String stream) throws IOException {
    ObjectNode config =
        (ObjectNode) JSON.readTree(cli("stream", "info", stream, "--json")).get("config");
    return config;
  }

  @Test
  void theCliReadsWhatNats4jPut() throws IOException {
    requireCli();
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    byte[] data = Chunks.random(3 * ObjectMeta.DEFAULT_CHUNK_SIZE + 11, 5);
    String name = "dir/a file.tar.gz é";
    store.put(ObjectMeta.builder(name).description("from nats4j").build(), data);
    Path out = dir.resolve("out.bin");
    cli("object", "get", bucket, name, "-O", out.toString(), "--no-progress", "-f");
    assertArrayEquals(data, Files.readAllBytes(out));
    String info = cli("object", "info", bucket, name);
    assertTrue(info.contains("from nats4j"), info);
    String sha256Hex =
        java.util.HexFormat.of()
            .formatHex(
                Base64.getUrlDecoder().decode(Chunks.digest(data).substring("SHA-256=".length())));
    assertTrue(info.contains(sha256Hex), info);
    assertTrue(cli("object", "ls", bucket).contains(name));

    store.put("empty", new byte[0]);
    Path empty = dir.resolve("empty.bin");
    cli("object", "get", bucket, "empty", "-O", empty.toString(), "--no-progress", "-f");
    assertEquals(0, Files.size(empty));
  }

  @Test
  void nats4jReadsWhatTheCliPutAndSeesItsDeletesAndSeal() throws IOException {
    requireCli();
    cli("object", "add", bucket);
    byte[] data = Chunks.random(200_000, 6);
    Path file = dir.resolve("in.bin");
    Files.write(file, data);
    String name = "some dir/with.dots é";
    cli(
        "object",
        "put",
        bucket,
        file.toString(),
        "--name",
        name,
        "-H",
        "X-A:1",
        "--no-progress",
        "-f");
    ObjectStore store = manager.open(bucket);
    ObjectInfo info = store.info(name).orElseThrow();
    assertEquals(data.length, info.size());
    assertEquals(Chunks.digest(data), info.digest());
    assertEquals(2, info.chunks());
    assertEquals("1", info.headers().first("X-A"));
    assertArrayEquals(data, Chunks.stored(js, bucket, info.nuid()));
    assertArrayEquals(data, store.getBytes(name), "nats4j gets what the CLI put");
    assertEquals(List.of(name), store.list().stream().map(ObjectInfo::name).toList());

    cli("object", "rm", bucket, name, "-f");
    assertTrue(store.info(name).isEmpty());
    assertTrue(store.info(name, true).orElseThrow().isDeleted());

    cli("object", "seal", bucket, "-f");
    assertTrue(store.status().isSealed());
    assertThrows(StoreSealedException.class, () -> store.put("x", new byte[1]));
  }

  @Test
  void bucketsMatchTheCliFieldByField() throws IOException {
    requireCli();
    cli(
        "object",
        "add",
        bucket + "cli",
        "--description",
        "d",
        "--ttl",
        "1h",
        "--max-bucket-size",
        "1000000",
        "--metadata",
        "k:v",
        "--compress",
        "--storage",
        "memory");
    manager.create(
        ObjectStoreConfig.builder(bucket)
            .description("d")
            .ttl(Duration.ofHours(1))
            .maxBytes(1_000_000)
            .metadata("k", "v")
            .compression(true)
            .storage(io.nats4j.jetstream.StorageType.MEMORY)
            .build());
    // 2.10 echoes the CLI's empty "placement": {} (2.11+ drops it); an empty placement means none.
    JsonNode theirs = withoutEmptyPlacement(streamConfigJson("OBJ_" + bucket + "cli"));
    JsonNode ours = withoutEmptyPlacement(streamConfigJson("OBJ_" + bucket));
    String normalized = theirs.toString().replace(bucket + "cli", bucket);
    assertEquals(JSON.readTree(normalized), ours);

    cli("object", "add", bucket + "dflt");
    manager.create(ObjectStoreConfig.builder(bucket + "mine").build());
    assertEquals(
        JSON.readTree(
            withoutEmptyPlacement(streamConfigJson("OBJ_" + bucket + "dflt"))
                .toString()
                .replace(bucket + "dflt", bucket + "mine")),
        withoutEmptyPlacement(streamConfigJson("OBJ_" + bucket + "mine")));
  }

  private static JsonNode withoutEmptyPlacement(JsonNode config) {
    JsonNode placement = config.get("placement");
    if (placement != null && placement.isObject() && placement.isEmpty()) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) config).remove("placement");
    }
    return config;
  }

  @Test
  void metaJsonIsByteForByteTheCliOne() throws IOException {
    requireCli();
    cli("object", "add", bucket);
    ObjectStore store = manager.open(bucket);
    Path file = dir.resolve("f.txt");
    Files.write(file, "hello <world> & \"friends\"".getBytes(UTF_8));
    String name = "x/y z é.txt";
    cli(
        "object",
        "put",
        bucket,
        file.toString(),
        "--name",
        name,
        "--description",
        "a <b> & c",
        "-H",
        "B:2",
        "-H",
        "A:1",
        "-H",
        "A:0",
        "--no-progress",
        "-f");
    String theirs = new String(rawMeta(name), UTF_8);
    String theirNuid = store.info(name).orElseThrow().nuid();

    ObjectInfo ours =
        store.put(
            ObjectMeta.builder(name)
                .description("a <b> & c")
                .header("A", "1")
                .header("A", "0")
                .header("B", "2")
                .build(),
            Files.readAllBytes(file));
    assertEquals(theirs.replace(theirNuid, ours.nuid()), new String(rawMeta(name), UTF_8));

    // deletes too: the CLI's marker against ours
    cli("object", "put", bucket, file.toString(), "--name", "gone-cli", "--no-progress", "-f");
    cli("object", "rm", bucket, "gone-cli", "-f");
    String cliMarker = new String(rawMeta("gone-cli"), UTF_8);
    String cliNuid = store.info("gone-cli", true).orElseThrow().nuid();
    store.put("gone-cli", Files.readAllBytes(file));
    ObjectInfo marker = store.delete("gone-cli");
    assertEquals(cliMarker.replace(cliNuid, marker.nuid()), new String(rawMeta("gone-cli"), UTF_8));
  }

  @Test
  void natsJsAndNats4jReadEachOthersObjects() throws IOException {
    requireNode();
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    byte[] ours = Chunks.random(300_001, 8);
    // nats.js 3.4 encodes names with btoa (Latin-1) and throws above U+00FF, so only ASCII names
    // travel between it and nats.go/nats4j (see REFERENCE.md); spaces, slashes and dots do.
    store.put(ObjectMeta.builder("from java/a b.c").description("j").build(), ours);
    String script =
        """
        import { connect } from "@nats-io/transport-node";
        import { Objm } from "@nats-io/obj";
        const nc = await connect({ servers: process.env.NATS_URL });
        const os = await new Objm(nc).open("%s");
        const got = await os.getBlob("from java/a b.c");
        const info = await os.info("from java/a b.c");
        const data = new Uint8Array(200000);
        for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 0xff;
        const put = await os.putBlob({ name: "from js/x y.z", description: "js" }, data);
        const status = await os.status();
        console.log(JSON.stringify({
          got: Buffer.from(got).toString("base64"), digest: info.digest, size: info.size,
          chunks: info.chunks, description: info.description, putDigest: put.digest,
          compression: status.compression, sealed: status.sealed }));
        await nc.close();
        """
            .formatted(bucket);
    String out = InteropTools.node(server.clientUrl(), script, null, TOOL_TIMEOUT).expectSuccess();
    JsonNode r = JSON.readTree(out.strip().lines().reduce((a, b) -> b).orElseThrow());
    assertArrayEquals(ours, Base64.getDecoder().decode(r.get("got").asText()));
    assertEquals(Chunks.digest(ours), r.get("digest").asText());
    assertEquals(ours.length, r.get("size").asLong());
    assertEquals(3, r.get("chunks").asLong());
    assertEquals("j", r.get("description").asText());
    assertFalse(r.get("sealed").asBoolean());

    byte[] theirs = new byte[200000];
    for (int i = 0; i < theirs.length; i++) {
      theirs[i] = (byte) (i * 31);
    }
    ObjectInfo info = store.info("from js/x y.z").orElseThrow();
    assertEquals(Chunks.digest(theirs), info.digest());
    assertEquals(Chunks.digest(theirs), r.get("putDigest").asText());
    assertEquals("js", info.description());
    assertEquals(theirs.length, info.size());
    assertArrayEquals(theirs, Chunks.stored(js, bucket, info.nuid()));
    assertArrayEquals(theirs, store.getBytes("from js/x y.z"), "nats4j gets what nats.js put");
    assertNotNull(info.modified());
  }
}

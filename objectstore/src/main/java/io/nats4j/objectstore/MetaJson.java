package io.nats4j.objectstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats4j.client.Headers;
import io.nats4j.objectstore.internal.GoJson;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The meta JSON of an object, field for field as nats.go's {@code ObjectInfo} marshals it: {@code
 * name, description, headers, metadata, options{link{bucket,name}, max_chunk_size}, bucket, nuid,
 * size, mtime, chunks, digest, deleted}, empty optional fields left out, {@code mtime} always the
 * zero time (nats.go reports the meta message's timestamp instead).
 *
 * <p>Thread-safety: stateless.
 */
final class MetaJson {
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MetaJson() {}

  static byte[] encode(ObjectInfo info) {
    GoJson json = new GoJson().begin();
    json.field("name", info.name());
    if (info.description() != null && !info.description().isEmpty()) {
      json.field("description", info.description());
    }
    if (info.headers() != null && !info.headers().isEmpty()) {
      Map<String, List<String>> map = new LinkedHashMap<>();
      for (String key : info.headers().keys()) {
        map.put(key, info.headers().get(key));
      }
      json.multiField("headers", map);
    }
    if (!info.metadata().isEmpty()) {
      json.field("metadata", info.metadata());
    }
    if (info.hasOptions()) {
      json.field("options").begin();
      if (info.link() != null) {
        json.field("link").begin().field("bucket", info.link().bucket());
        if (info.link().name() != null && !info.link().name().isEmpty()) {
          json.field("name", info.link().name());
        }
        json.end();
      }
      if (info.chunkSize() != 0) {
        json.field("max_chunk_size", info.chunkSize());
      }
      json.end();
    }
    json.field("bucket", info.bucket())
        .field("nuid", info.nuid())
        .field("size", info.size())
        .field("mtime", ZERO_TIME)
        .field("chunks", info.chunks());
    if (info.digest() != null && !info.digest().isEmpty()) {
      json.field("digest", info.digest());
    }
    if (info.isDeleted()) {
      json.field("deleted", true);
    }
    return json.end().toBytes();
  }

  /**
   * Reads meta JSON written by any client.
   *
   * @throws ObjectStoreException if it is not an object meta
   */
  static ObjectInfo decode(byte[] data, Instant modified) {
    JsonNode root;
    try {
      root = MAPPER.readTree(data);
    } catch (IOException e) {
      throw new ObjectStoreException("the object meta is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("name").isTextual()) {
      throw new ObjectStoreException(
          "the object meta has no name; it was not written by an" + " Object Store client");
    }
    Headers headers = null;
    JsonNode h = root.path("headers");
    if (h.isObject() && h.size() > 0) {
      headers = new Headers();
      for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        try {
          for (JsonNode v : e.getValue()) {
            headers.add(e.getKey(), v.asText());
          }
        } catch (IllegalArgumentException bad) {
          throw new ObjectStoreException(
              "the object meta has a header NATS cannot carry: " + bad.getMessage(), bad);
        }
      }
      headers = headers.readOnly();
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    JsonNode m = root.path("metadata");
    if (m.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        metadata.put(e.getKey(), e.getValue().asText());
      }
    }
    JsonNode options = root.path("options");
    ObjectLink link = null;
    int chunkSize = 0;
    if (options.isObject()) {
      JsonNode l = options.path("link");
      if (l.isObject()) {
        String name = l.path("name").asText("");
        link = new ObjectLink(l.path("bucket").asText(""), name.isEmpty() ? null : name);
      }
      chunkSize = options.path("max_chunk_size").asInt(0);
    }
    String digest = root.path("digest").asText("");
    String description = root.path("description").asText("");
    return new ObjectInfo(
        root.path("name").asText(),
        description.isEmpty() ? null : description,
        headers,
        metadata,
        options.isObject(),
        link,
        chunkSize,
        root.path("bucket").asText(""),
        root.path("nuid").asText(""),
        root.path("size").asLong(0),
        modified,
        root.path("chunks").asLong(0),
        digest.isEmpty() ? null : digest,
        root.path("deleted").asBoolean(false));
  }
}

package io.nats4j.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading helpers for the discovery JSON (package-private); lenient about missing fields. */
final class Wire {
  private Wire() {}

  static String string(Map<String, Object> json, String field) {
    Object v = json.get(field);
    return v == null ? "" : v.toString();
  }

  static long number(Map<String, Object> json, String field) {
    Object v = json.get(field);
    return v instanceof Number n ? n.longValue() : 0;
  }

  static Map<String, String> metadata(Map<String, Object> json) {
    Object v = json.get("metadata");
    if (!(v instanceof Map<?, ?> m)) {
      return Map.of(); // nats.go sends null for empty endpoint metadata, nats.js omits it
    }
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, val) -> out.put(String.valueOf(k), val == null ? "" : val.toString()));
    return java.util.Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> objects(Map<String, Object> json, String field) {
    Object v = json.get(field);
    if (!(v instanceof List<?> list)) {
      return List.of();
    }
    return (List<Map<String, Object>>)
        (List<?>) list.stream().filter(Map.class::isInstance).toList();
  }

  static Map<String, Object> identity(String type, ServiceIdentity id) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", type);
    out.put("name", id.name());
    out.put("id", id.id());
    out.put("version", id.version());
    out.put("metadata", id.metadata());
    return out;
  }
}

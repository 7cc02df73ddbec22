package io.nats4j.client.internal.protocol;

import io.nats4j.client.ProtocolException;
import io.nats4j.client.ServerInfo;
import io.nats4j.nkeys.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps the JSON of an {@code INFO} to {@link Info}; unknown fields are ignored. */
final class ServerInfoDecoder {
  private ServerInfoDecoder() {}

  static Info decode(String json) {
    Map<String, Object> m;
    try {
      m = Json.parseObject(json);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(
          "server sent an INFO that is not a JSON object: " + e.getMessage());
    }
    ServerInfo info =
        ServerInfo.builder()
            .serverId(string(m, "server_id"))
            .serverName(string(m, "server_name"))
            .version(string(m, "version"))
            .host(string(m, "host"))
            .port((int) number(m, "port"))
            .headers(bool(m, "headers"))
            .maxPayload(number(m, "max_payload"))
            .protocol((int) number(m, "proto"))
            .tlsRequired(bool(m, "tls_required"))
            .tlsAvailable(bool(m, "tls_available"))
            .authRequired(bool(m, "auth_required"))
            .connectUrls(strings(m, "connect_urls"))
            .lameDuckMode(bool(m, "ldm"))
            .apiLevel((int) number(m, "api_lvl"))
            .cluster(string(m, "cluster"))
            .domain(string(m, "domain"))
            .jetStream(bool(m, "jetstream"))
            .clientIp(string(m, "client_ip"))
            .clientId(m.containsKey("client_id") ? number(m, "client_id") : number(m, "cid"))
            .build();
    return new Info(info, string(m, "nonce"));
  }

  private static String string(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw wrongType(field, "a string", v);
  }

  private static boolean bool(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (v == null || v instanceof Boolean) {
      return v != null && (Boolean) v;
    }
    throw wrongType(field, "true or false", v);
  }

  private static long number(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (v == null) {
      return 0;
    }
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e18) {
      return d.longValue();
    }
    throw wrongType(field, "an integer", v);
  }

  private static List<String> strings(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw wrongType(field, "an array of strings", v);
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw wrongType(field, "an array of strings", v);
      }
      out.add(s);
    }
    return out;
  }

  private static ProtocolException wrongType(String field, String expected, Object actual) {
    String kind = actual instanceof String ? "a string" : actual.getClass().getSimpleName();
    return new ProtocolException(
        "server sent an INFO whose field '" + field + "' is " + kind + ", expected " + expected);
  }
}

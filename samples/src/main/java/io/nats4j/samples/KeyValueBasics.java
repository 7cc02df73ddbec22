package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.kv.KeyValue;
import io.nats4j.kv.KeyValueConfig;
import io.nats4j.kv.KeyValueConflictException;
import io.nats4j.kv.KeyValueEntry;
import io.nats4j.kv.KeyValueManager;

/**
 * A Key/Value bucket: put, get, compare-and-set update (a stale revision is refused), delete, and
 * the key's history.
 *
 * <p>Run: {@code KeyValueBasics <server-url>} (the server needs JetStream).
 */
public final class KeyValueBasics {

  private KeyValueBasics() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url);
        JetStream js = JetStream.of(nc)) {
      KeyValueManager kvm = KeyValueManager.of(js);
      KeyValue kv = kvm.create(KeyValueConfig.builder("sample_profiles").history(5).build());
      try {
        long r1 = kv.put("alice.email", "alice@example.com");
        System.out.println("put alice.email at revision " + r1);
        KeyValueEntry e = kv.get("alice.email").orElseThrow();
        System.out.println("get alice.email = " + e.valueAsString());
        long r2 = kv.update("alice.email", "alice@example.org", r1);
        System.out.println("update from revision " + r1 + " -> " + r2);
        try {
          kv.update("alice.email", "stale@example.net", r1);
        } catch (KeyValueConflictException conflict) {
          System.out.println("update from stale revision " + r1 + " refused");
        }
        kv.delete("alice.email");
        System.out.println("after delete, get is empty: " + kv.get("alice.email").isEmpty());
        for (KeyValueEntry h : kv.history("alice.email")) {
          System.out.println(
              "history: " + h.revision() + " " + h.operation() + " " + h.valueAsString());
        }
      } finally {
        kvm.delete("sample_profiles");
      }
    }
  }
}

package io.nats4j.samples.migration;

import io.nats4j.client.AsyncError;
import io.nats4j.client.AuthorizationException;
import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Credentials;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsException;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.NoRespondersException;
import io.nats4j.client.Options;
import io.nats4j.client.ReconnectOptions;
import io.nats4j.client.Subscription;
import io.nats4j.client.TlsOptions;
import io.nats4j.jetstream.ConsumeHandle;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.ConsumerContext;
import io.nats4j.jetstream.ConsumerMessages;
import io.nats4j.jetstream.FetchOptions;
import io.nats4j.jetstream.FetchResult;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.PublishOptions;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.kv.KeyValue;
import io.nats4j.kv.KeyValueConfig;
import io.nats4j.kv.KeyValueConflictException;
import io.nats4j.kv.KeyValueEntry;
import io.nats4j.kv.KeyValueManager;
import io.nats4j.kv.KeyValueWatch;
import io.nats4j.objectstore.ObjectInfo;
import io.nats4j.objectstore.ObjectMeta;
import io.nats4j.objectstore.ObjectStore;
import io.nats4j.objectstore.ObjectStoreConfig;
import io.nats4j.objectstore.ObjectStoreManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The nats4j side of {@code docs/MIGRATING-FROM-JNATS.md}. Each region between {@code //
 * [snippet:NAME]} and {@code // [end]} is shown in that document verbatim (dedented); {@code
 * MigrationGuideTest} fails when the two differ, so the guide's code always compiles. {@code
 * MigrationSnippetsIT} runs the snippets against a server.
 *
 * <p>Not a sample program (no main method); read the document for the explanations.
 */
public final class JnatsMigration {
  private JnatsMigration() {}

  static Connection connect(String url, Path credsFile) {
    // [snippet:connect]
    Options options =
        Options.builder()
            .server(url) // "nats://localhost:4222", or several separated by commas
            .name("orders-service")
            .credentials(Credentials.credsFile(credsFile))
            .reconnect(
                ReconnectOptions.builder()
                    .maxAttempts(-1) // per server; -1: forever
                    .waitTime(Duration.ofSeconds(2))
                    .build())
            .build();
    Connection nc = Nats.connect(options); // no checked exception; close it (AutoCloseable)
    // [end]
    return nc;
  }

  static Options tls(String url, Path caPem) {
    // [snippet:tls]
    Options options =
        Options.builder()
            .server(url) // tls://nats.example.com:4222
            .tls(TlsOptions.builder().trustCertificates(caPem).build())
            .build();
    // [end]
    return options;
  }

  static Options listeners(String url) {
    // [snippet:listeners]
    Options options =
        Options.builder()
            .server(url)
            .connectionListener(
                event -> {
                  if (event instanceof ConnectionEvent.Disconnected lost) {
                    System.out.println("lost " + lost.server() + ": " + lost.cause());
                  } else if (event instanceof ConnectionEvent.Reconnected back) {
                    System.out.println("reconnected to " + back.server());
                  } else if (event instanceof ConnectionEvent.Closed closed) {
                    System.out.println("closed: " + closed.cause());
                  }
                })
            .errorListener(
                error -> {
                  if (error instanceof AsyncError.PermissionDenied denied) {
                    System.out.println("denied " + denied.operation() + " " + denied.subject());
                  } else if (error instanceof AsyncError.SlowConsumer slow) {
                    System.out.println("slow consumer on " + slow.subscription().subject());
                  }
                })
            .build();
    // [end]
    return options;
  }

  static void lastError(Connection nc) {
    // [snippet:last-error]
    Optional<NatsException> why = nc.closeReason(); // why it closed on its own
    Optional<NatsException> last = nc.lastError(); // latest failure, recovered or not
    // [end]
    System.out.println(why + " " + last);
  }

  static void subscribe(Connection nc) {
    // [snippet:subscribe]
    Subscription sub = nc.subscribe("greet.*");
    nc.publish("greet.joe", "hello");
    Message m = sub.next(Duration.ofSeconds(1)); // NatsTimeoutException, never null
    Optional<Message> maybe = sub.poll(Duration.ofMillis(100)); // or empty

    Dispatcher d = nc.createDispatcher();
    d.subscribe("orders.>", msg -> System.out.println(msg.subject() + " " + msg.dataAsString()));
    d.subscribe("jobs", "workers", msg -> System.out.println("job " + msg.dataAsString()));
    // [end]
    System.out.println(m.dataAsString() + maybe.isPresent());
  }

  static void request(Connection nc) throws Exception {
    // [snippet:request]
    nc.createDispatcher().subscribe("time", msg -> msg.respond("12:00"));

    Message reply = nc.request("time", new byte[0], Duration.ofSeconds(1));
    CompletableFuture<Message> later = nc.requestAsync("time", new byte[0], Duration.ofSeconds(1));
    // [end]
    System.out.println(reply.dataAsString() + later.get(5, TimeUnit.SECONDS).dataAsString());
  }

  static void jetStream(Connection nc) {
    // [snippet:jetstream]
    try (JetStream js = JetStream.of(nc)) {
      js.streams()
          .create(
              StreamConfig.builder("ORDERS")
                  .subjects("orders.>")
                  .storage(StorageType.FILE)
                  .build());
      byte[] data = "order 1".getBytes(StandardCharsets.UTF_8);
      PubAck ack = js.publish("orders.new", data);
      PubAck once =
          js.publish("orders.new", data, PublishOptions.builder().messageId("order-1").build());
      CompletableFuture<PubAck> async = js.publishAsync("orders.new", data);
      js.waitForOutstandingAcks(Duration.ofSeconds(5));

      js.consumers().create("ORDERS", ConsumerConfig.builder().durableName("worker").build());
      System.out.println(ack.seq() + " " + once.duplicate() + " " + async.join().seq());
    }
    // [end]
  }

  static void consume(JetStream js) throws Exception {
    // [snippet:consume]
    ConsumerContext worker = js.consumer("ORDERS", "worker");

    FetchResult batch = worker.fetch(FetchOptions.messages(10)); // fetch
    for (JsMessage m : batch) {
      m.ack();
    }

    ConsumeHandle handle = worker.consume(m -> m.ack()); // consume (callback)
    handle.drain().get(10, TimeUnit.SECONDS); // or handle.stop()

    try (ConsumerMessages messages = worker.messages()) { // iterate
      Optional<JsMessage> next = messages.next(Duration.ofSeconds(1)); // empty: nothing came
      next.ifPresent(JsMessage::ack);
    }
    // [end]
  }

  static void keyValue(JetStream js) {
    // [snippet:kv]
    KeyValueManager kvm = KeyValueManager.of(js);
    KeyValue kv = kvm.create(KeyValueConfig.builder("profiles").history(5).build());
    long revision = kv.put("alice", "alice@example.com");
    Optional<KeyValueEntry> entry = kv.get("alice"); // empty when missing or deleted
    try {
      kv.update("alice", "alice@example.org", revision);
    } catch (KeyValueConflictException stale) {
      System.out.println("someone else wrote alice first");
    }
    try (KeyValueWatch watch =
        kv.watch("alice", e -> System.out.println(e.key() + " = " + e.valueAsString()))) {
      kv.put("alice", "alice@example.net");
    }
    // [end]
    System.out.println(entry.map(KeyValueEntry::valueAsString).orElse("-"));
    kvm.delete("profiles");
  }

  static void objectStore(JetStream js, Path photo, Path copy) {
    // [snippet:objectstore]
    ObjectStoreManager osm = ObjectStoreManager.of(js);
    ObjectStore files = osm.create(ObjectStoreConfig.builder("files").build());
    ObjectInfo stored = files.put(ObjectMeta.of("cat.jpg"), photo); // streamed, never in memory
    files.get("cat.jpg", copy); // size, chunk count and SHA-256 checked
    // [end]
    System.out.println(stored.size());
    osm.delete("files");
  }

  static void exceptions(Connection nc, JetStream js) {
    // [snippet:exceptions]
    try {
      nc.request("inventory.check", new byte[0], Duration.ofSeconds(2));
    } catch (NoRespondersException nobody) { // at once: no subscriber on the subject
      System.out.println(nobody.getMessage());
    } catch (AuthorizationException denied) { // at once: the server denied the publish
      System.out.println(denied.getMessage());
    } catch (NatsTimeoutException slow) { // responders exist but none answered in time
      System.out.println(slow.getMessage());
    }
    try {
      js.streams().info("NOT_THERE");
    } catch (JetStreamApiException e) { // e.errorCode() 10059: stream not found
      System.out.println(e.errorCode() + " " + e.description());
    }
    // [end]
  }
}

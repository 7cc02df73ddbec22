package io.nats4j.objectstore;

import io.nats4j.client.NatsTimeoutException;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.ConsumerMessages;
import io.nats4j.jetstream.DeliverPolicy;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.OrderedConsumer;
import io.nats4j.jetstream.OrderedConsumerConfig;
import io.nats4j.objectstore.internal.ObjectNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Lists a bucket: the last meta per object through an ordered consumer; an unreadable meta is
 * skipped and handed to the caller's consumer. Stateless.
 */
final class ObjectLister {
  private ObjectLister() {}

  static List<ObjectInfo> list(
      JetStream js,
      String bucket,
      boolean includeDeleted,
      Consumer<ObjectStoreException> unreadable) {
    OrderedConsumer consumer =
        js.orderedConsumer(
            ObjectNames.stream(bucket),
            OrderedConsumerConfig.builder()
                .filterSubjects(ObjectNames.allMeta(bucket))
                .deliverPolicy(DeliverPolicy.LAST_PER_SUBJECT)
                .build());
    List<ObjectInfo> objects = new ArrayList<>();
    Duration wait = js.options().requestTimeout();
    try (ConsumerMessages messages = consumer.messages()) {
      ConsumerInfo start = consumer.currentInfo();
      if (start != null && start.numPending() == 0) {
        return objects;
      }
      while (true) {
        Optional<JsMessage> m = messages.next(wait);
        if (m.isEmpty()) {
          throw new NatsTimeoutException(
              "listing bucket '" + bucket + "': no meta arrived within " + wait);
        }
        ObjectInfo info = null;
        try {
          info = MetaJson.decode(m.get().data(), m.get().metadata().timestamp());
        } catch (ObjectStoreException e) {
          // one unreadable meta (not Object Store JSON) does not hide the others
          unreadable.accept(
              new ObjectStoreException(
                  "unreadable meta on " + m.get().subject() + ": " + e.getMessage(), e));
        }
        if (info != null && (includeDeleted || !info.isDeleted())) {
          objects.add(info);
        }
        if (m.get().metadata().numPending() == 0) {
          return objects;
        }
      }
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "list", e);
    }
  }
}

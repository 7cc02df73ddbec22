package io.nats4j.jetstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.jetstream.internal.ApiClient;
import io.nats4j.jetstream.internal.ApiLevels;
import io.nats4j.jetstream.internal.ApiRecords.ConsumerCreateRequest;
import io.nats4j.jetstream.internal.ApiRecords.ConsumerListPage;
import io.nats4j.jetstream.internal.ApiRecords.ConsumerListRequest;
import io.nats4j.jetstream.internal.ApiRecords.ConsumerNamesPage;
import io.nats4j.jetstream.internal.ApiRecords.ConsumerPauseRequest;
import io.nats4j.jetstream.internal.ApiRecords.ConsumerResetRequest;
import io.nats4j.jetstream.internal.ApiRecords.ConsumerUnpinRequest;
import io.nats4j.jetstream.internal.ApiRecords.SuccessResponse;
import io.nats4j.jetstream.internal.JsonMapper;
import io.nats4j.jetstream.internal.Pages;
import io.nats4j.jetstream.internal.Pages.Page;
import io.nats4j.jetstream.internal.Responses;
import java.time.Instant;
import java.util.List;

/**
 * Consumer management: create, update, delete, info, list, pause, resume, unpin, reset. Get it from
 * {@link JetStream#consumers()}.
 *
 * <pre>{@code
 * ConsumerInfo c = js.consumers().create("ORDERS",
 *     ConsumerConfig.builder().durableName("worker").ackPolicy(AckPolicy.EXPLICIT).build());
 * js.consumers().pause("ORDERS", "worker", Instant.now().plusSeconds(60));
 * }</pre>
 *
 * <p>Create and update use {@code CONSUMER.CREATE.<stream>.<name>[.<filter>]} with the action
 * {@code create}, {@code update} or none (create or update). Every method is a blocking request
 * bounded by {@link JetStreamOptions#requestTimeout()}; all throw {@link JetStreamApiException}
 * when the server refuses, {@link NatsTimeoutException} when it does not answer, {@link
 * ApiLevelException} when a field needs a newer server and {@link IllegalArgumentException} for
 * invalid names.
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class Consumers {
  private final ApiClient api;

  Consumers(ApiClient api) {
    this.api = api;
  }

  /**
   * Creates a consumer; fails if one with the same name and another configuration exists.
   *
   * @param stream the stream
   * @param config the configuration; without a name the server picks one (ephemeral)
   * @return the consumer's info
   * @throws JetStreamApiException {@link JetStreamApiException#CONSUMER_ALREADY_EXISTS} if it
   *     exists with another configuration
   */
  public ConsumerInfo create(String stream, ConsumerConfig config) {
    return upsert(stream, config, "create");
  }

  /**
   * Updates an existing consumer.
   *
   * @param stream the stream
   * @param config the new configuration, with the consumer's name
   * @return the consumer's info
   * @throws JetStreamApiException {@link JetStreamApiException#CONSUMER_DOES_NOT_EXIST} if it does
   *     not exist
   */
  public ConsumerInfo update(String stream, ConsumerConfig config) {
    if (config.effectiveName() == null) {
      throw new IllegalArgumentException("update needs the consumer's name or durable name");
    }
    return upsert(stream, config, "update");
  }

  /**
   * Creates a consumer, or updates it if it exists.
   *
   * @param stream the stream
   * @param config the configuration
   * @return the consumer's info
   */
  public ConsumerInfo createOrUpdate(String stream, ConsumerConfig config) {
    return upsert(stream, config, null);
  }

  private ConsumerInfo upsert(String stream, ConsumerConfig config, String action) {
    int level = api.require(ApiLevels.of(config));
    String name = config.effectiveName();
    StringBuilder endpoint = new StringBuilder("CONSUMER.CREATE.").append(stream(stream));
    if (name != null) {
      endpoint.append('.').append(name);
      String filter = config.filterSubject();
      if (filter != null && config.filterSubjects().isEmpty() && !hasWildcard(filter)) {
        endpoint.append('.').append(filter);
      }
    }
    return api.request(
        endpoint.toString(),
        new ConsumerCreateRequest(stream, config, action),
        level,
        ConsumerInfo.class);
  }

  private static boolean hasWildcard(String subject) {
    for (String token : subject.split("\\.", -1)) {
      if (token.equals("*") || token.equals(">")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Deletes a consumer.
   *
   * @param stream the stream
   * @param consumer the consumer
   * @return true when deleted
   * @throws JetStreamApiException {@link JetStreamApiException#CONSUMER_NOT_FOUND} if there is none
   */
  public boolean delete(String stream, String consumer) {
    return api.request(
            "CONSUMER.DELETE." + stream(stream) + "." + consumer(consumer),
            null,
            SuccessResponse.class)
        .success();
  }

  /**
   * Returns a consumer's configuration and state.
   *
   * @param stream the stream
   * @param consumer the consumer
   * @return the info
   * @throws JetStreamApiException {@link JetStreamApiException#CONSUMER_NOT_FOUND} if there is none
   */
  public ConsumerInfo info(String stream, String consumer) {
    return api.request(
        "CONSUMER.INFO." + stream(stream) + "." + consumer(consumer), null, ConsumerInfo.class);
  }

  /**
   * Lists the names of a stream's consumers (all pages).
   *
   * @param stream the stream
   * @return the names
   */
  public List<String> names(String stream) {
    String endpoint = "CONSUMER.NAMES." + stream(stream);
    return Pages.all(
        offset -> {
          ConsumerNamesPage page =
              api.request(endpoint, new ConsumerListRequest(offset), ConsumerNamesPage.class);
          return new Page<>(page.consumers(), page.total());
        });
  }

  /**
   * Lists the infos of a stream's consumers (all pages).
   *
   * @param stream the stream
   * @return the infos
   */
  public List<ConsumerInfo> list(String stream) {
    String endpoint = "CONSUMER.LIST." + stream(stream);
    return Pages.all(
        offset -> {
          ConsumerListPage page =
              api.request(endpoint, new ConsumerListRequest(offset), ConsumerListPage.class);
          return new Page<>(page.consumers(), page.total());
        });
  }

  /**
   * Pauses a consumer: it delivers nothing until {@code until} (API level 1, nats-server 2.11).
   *
   * @param stream the stream
   * @param consumer the consumer
   * @param until when to resume by itself
   * @return the pause state
   */
  public ConsumerPauseInfo pause(String stream, String consumer, Instant until) {
    if (until == null) {
      throw new IllegalArgumentException("until is required; use resume() to resume");
    }
    return pauseRequest(stream, consumer, until);
  }

  /**
   * Resumes a paused consumer (API level 1).
   *
   * @param stream the stream
   * @param consumer the consumer
   * @return the pause state (not paused)
   */
  public ConsumerPauseInfo resume(String stream, String consumer) {
    return pauseRequest(stream, consumer, null);
  }

  private ConsumerPauseInfo pauseRequest(String stream, String consumer, Instant until) {
    int level = api.require(List.of(new ApiLevels.Requirement("consumer pause", 1)));
    return api.request(
        "CONSUMER.PAUSE." + stream(stream) + "." + consumer(consumer),
        new ConsumerPauseRequest(until),
        level,
        ConsumerPauseInfo.class);
  }

  /**
   * Unpins the pinned client of a priority group, so the next pull picks a new one (ADR-42, API
   * level 1).
   *
   * @param stream the stream
   * @param consumer the consumer
   * @param group the priority group
   */
  public void unpin(String stream, String consumer, String group) {
    if (group == null || group.isEmpty()) {
      throw new IllegalArgumentException("group is required");
    }
    int level = api.require(List.of(new ApiLevels.Requirement("consumer unpin", 1)));
    Responses.tree(
        api.requestRaw(
                "CONSUMER.UNPIN." + stream(stream) + "." + consumer(consumer),
                new ConsumerUnpinRequest(group),
                level)
            .data());
  }

  /**
   * Resets a consumer to just after its ack floor, so everything not acknowledged is delivered
   * again (ADR-60, API level 4, nats-server 2.14).
   *
   * @param stream the stream
   * @param consumer the consumer
   * @return the consumer after the reset and the sequence it delivers next
   */
  public ConsumerResetResult reset(String stream, String consumer) {
    return reset(stream, consumer, 0);
  }

  /**
   * Resets a consumer to deliver from a stream sequence on (API level 4).
   *
   * @param stream the stream
   * @param consumer the consumer
   * @param seq the stream sequence, 0 for just after the ack floor
   * @return the consumer after the reset and the sequence it delivers next
   */
  public ConsumerResetResult reset(String stream, String consumer, long seq) {
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative");
    }
    int level =
        api.require(
            List.of(
                new ApiLevels.Requirement(
                    "consumer reset", ApiLevels.FAST_BATCH_ACK_FLOW_CONTROL)));
    JsonNode tree =
        Responses.tree(
            api.requestRaw(
                    "CONSUMER.RESET." + stream(stream) + "." + consumer(consumer),
                    new ConsumerResetRequest(seq),
                    level)
                .data());
    JsonNode resetSeq = tree.get("reset_seq");
    return new ConsumerResetResult(
        JsonMapper.convert(tree, ConsumerInfo.class), resetSeq == null ? 0 : resetSeq.asLong());
  }

  private static String stream(String stream) {
    return Names.requireValidName("stream name", stream);
  }

  private static String consumer(String consumer) {
    return Names.requireValidName("consumer name", consumer);
  }
}

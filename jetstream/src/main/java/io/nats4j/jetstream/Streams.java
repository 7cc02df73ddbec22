package io.nats4j.jetstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats4j.client.Message;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.NoRespondersException;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.internal.ApiClient;
import io.nats4j.jetstream.internal.ApiLevels;
import io.nats4j.jetstream.internal.ApiRecords.DirectGetRequest;
import io.nats4j.jetstream.internal.ApiRecords.MsgDeleteRequest;
import io.nats4j.jetstream.internal.ApiRecords.MsgGetRequest;
import io.nats4j.jetstream.internal.ApiRecords.MsgGetResponse;
import io.nats4j.jetstream.internal.ApiRecords.Paging;
import io.nats4j.jetstream.internal.ApiRecords.PurgeRequest;
import io.nats4j.jetstream.internal.ApiRecords.PurgeResponse;
import io.nats4j.jetstream.internal.ApiRecords.StreamInfoRequest;
import io.nats4j.jetstream.internal.ApiRecords.StreamListPage;
import io.nats4j.jetstream.internal.ApiRecords.StreamListRequest;
import io.nats4j.jetstream.internal.ApiRecords.StreamNamesPage;
import io.nats4j.jetstream.internal.ApiRecords.SuccessResponse;
import io.nats4j.jetstream.internal.JsonMapper;
import io.nats4j.jetstream.internal.Pages;
import io.nats4j.jetstream.internal.Pages.Page;
import io.nats4j.jetstream.internal.Responses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stream management and message access: create, update, delete, info, list, purge, get and delete
 * messages, Direct Get. Get it from {@link JetStream#streams()}.
 *
 * <pre>{@code
 * Streams streams = js.streams();
 * streams.create(StreamConfig.builder("ORDERS").subjects("orders.>").build());
 * StoredMessage last = streams.getLastMessage("ORDERS", "orders.eu.1");
 * long purged = streams.purge("ORDERS", PurgeOptions.keep(100));
 * }</pre>
 *
 * <p>Every method is one or more blocking requests bounded by {@link
 * JetStreamOptions#requestTimeout()} each. All throw {@link JetStreamApiException} when the server
 * refuses (with its {@code err_code}), {@link NatsTimeoutException} when it does not answer in
 * time, {@link ApiLevelException} when a field needs a newer server, and {@link
 * IllegalArgumentException} for an invalid name.
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class Streams {
  private final ApiClient api;

  Streams(ApiClient api) {
    this.api = api;
  }

  /**
   * Creates a stream. Creating an existing stream with the same configuration succeeds.
   *
   * @param config the configuration
   * @return the new stream's info
   * @throws JetStreamApiException e.g. {@link JetStreamApiException#STREAM_NAME_IN_USE} when it
   *     exists with another configuration
   */
  public StreamInfo create(StreamConfig config) {
    int level = api.require(ApiLevels.of(config));
    return api.request("STREAM.CREATE." + config.name(), config, level, StreamInfo.class);
  }

  /**
   * Replaces the configuration of a stream (unset values go back to their defaults).
   *
   * @param config the full new configuration
   * @return the updated stream's info
   */
  public StreamInfo update(StreamConfig config) {
    int level = api.require(ApiLevels.of(config));
    return api.request("STREAM.UPDATE." + config.name(), config, level, StreamInfo.class);
  }

  /**
   * Creates the stream, or replaces its configuration when it exists: what a deployment script
   * wants (idempotent; run it again with a changed configuration and the stream follows).
   *
   * <p>Sends {@code STREAM.UPDATE} first and {@code STREAM.CREATE} when the stream does not exist;
   * if another client creates it between the two, the update is sent again.
   *
   * @param config the full configuration
   * @return the created or updated stream's info
   * @throws JetStreamApiException if the server refuses the configuration, e.g. {@link
   *     JetStreamApiException#STREAM_UPDATE_FAILED} for a change a stream cannot take (storage
   *     type, retention from/to work queue)
   * @throws ApiLevelException if a field needs a newer server
   */
  public StreamInfo createOrUpdate(StreamConfig config) {
    try {
      return update(config);
    } catch (JetStreamApiException e) {
      if (e.errorCode() != JetStreamApiException.STREAM_NOT_FOUND) {
        throw e;
      }
    }
    try {
      return create(config);
    } catch (JetStreamApiException e) {
      if (e.errorCode() != JetStreamApiException.STREAM_NAME_IN_USE) {
        throw e;
      }
      return update(config);
    }
  }

  /**
   * Deletes a stream and its consumers and messages.
   *
   * @param stream the stream name
   * @return true when deleted
   * @throws JetStreamApiException {@link JetStreamApiException#STREAM_NOT_FOUND} if there is none
   */
  public boolean delete(String stream) {
    return api.request("STREAM.DELETE." + name(stream), null, SuccessResponse.class).success();
  }

  /**
   * Returns a stream's configuration and state.
   *
   * @param stream the stream name
   * @return the info
   * @throws JetStreamApiException {@link JetStreamApiException#STREAM_NOT_FOUND} if there is none
   */
  public StreamInfo info(String stream) {
    return api.request("STREAM.INFO." + name(stream), null, StreamInfo.class);
  }

  /**
   * Returns a stream's info with the deleted sequences and/or the message count per subject. The
   * server pages large subject maps; this method requests every page.
   *
   * @param stream the stream name
   * @param deletedDetails true to fill {@link StreamState#deleted()}
   * @param subjectsFilter a subject filter (e.g. {@code >}) to fill {@link StreamState#subjects()},
   *     or null
   * @return the info
   */
  public StreamInfo info(String stream, boolean deletedDetails, String subjectsFilter) {
    String endpoint = "STREAM.INFO." + name(stream);
    List<StreamInfo> pages = new ArrayList<>();
    List<Map.Entry<String, Long>> entries =
        Pages.all(
            offset -> {
              JsonNode tree =
                  Responses.tree(
                      api.requestRaw(
                              endpoint,
                              new StreamInfoRequest(deletedDetails, subjectsFilter, offset),
                              0)
                          .data());
              StreamInfo page = JsonMapper.convert(tree, StreamInfo.class);
              pages.add(page);
              // Without a filter there is no subject map, so one answer is all.
              long total =
                  subjectsFilter == null ? 0 : JsonMapper.convert(tree, Paging.class).total();
              return new Page<>(List.copyOf(page.state().subjects().entrySet()), total);
            });
    StreamInfo first = pages.get(0);
    Map<String, Long> subjects = new HashMap<>();
    entries.forEach(e -> subjects.put(e.getKey(), e.getValue()));
    if (subjects.size() == first.state().subjects().size()) {
      return first;
    }
    StreamState s = first.state();
    StreamState merged =
        new StreamState(
            s.messages(),
            s.bytes(),
            s.firstSeq(),
            s.firstTs(),
            s.lastSeq(),
            s.lastTs(),
            s.numSubjects(),
            subjects,
            s.numDeleted(),
            s.deleted(),
            s.lost(),
            s.consumerCount());
    return new StreamInfo(
        first.config(),
        first.created(),
        merged,
        first.domain(),
        first.cluster(),
        first.mirror(),
        first.sources(),
        first.alternates(),
        first.timestamp());
  }

  /**
   * Lists every stream's name (all pages).
   *
   * @return the names
   */
  public List<String> names() {
    return names(null);
  }

  /**
   * Lists the names of the streams that capture a subject (all pages).
   *
   * @param subject a subject, wildcards allowed, or null for all streams
   * @return the names
   */
  public List<String> names(String subject) {
    return Pages.all(
        offset -> {
          StreamNamesPage page =
              api.request(
                  "STREAM.NAMES", new StreamListRequest(offset, subject), StreamNamesPage.class);
          return new Page<>(page.streams(), page.total());
        });
  }

  /**
   * Lists every stream's info (all pages).
   *
   * @return the infos
   */
  public List<StreamInfo> list() {
    return list(null);
  }

  /**
   * Lists the infos of the streams that capture a subject (all pages).
   *
   * @param subject a subject, wildcards allowed, or null for all streams
   * @return the infos
   */
  public List<StreamInfo> list(String subject) {
    return Pages.all(
        offset -> {
          StreamListPage page =
              api.request(
                  "STREAM.LIST", new StreamListRequest(offset, subject), StreamListPage.class);
          return new Page<>(page.streams(), page.total());
        });
  }

  /**
   * Finds the stream that captures a subject.
   *
   * @param subject the subject
   * @return the stream's name, or empty if no stream captures it
   */
  public Optional<String> findBySubject(String subject) {
    List<String> names = names(subject);
    return names.isEmpty() ? Optional.empty() : Optional.of(names.get(0));
  }

  /**
   * Removes every message of a stream.
   *
   * @param stream the stream name
   * @return how many messages were removed
   */
  public long purge(String stream) {
    return api.request("STREAM.PURGE." + name(stream), null, PurgeResponse.class).purged();
  }

  /**
   * Removes messages of a stream by subject, up to a sequence, or all but the newest N.
   *
   * @param stream the stream name
   * @param options what to remove
   * @return how many messages were removed
   */
  public long purge(String stream, PurgeOptions options) {
    return api.request(
            "STREAM.PURGE." + name(stream),
            new PurgeRequest(options.filter(), options.seq(), options.keep()),
            PurgeResponse.class)
        .purged();
  }

  /**
   * Reads the message with a sequence through the stream leader.
   *
   * @param stream the stream name
   * @param seq the sequence
   * @return the message
   * @throws JetStreamApiException {@link JetStreamApiException#NO_MESSAGE_FOUND} if there is none
   */
  public StoredMessage getMessage(String stream, long seq) {
    return get(stream, new MsgGetRequest(seq, null, null));
  }

  /**
   * Reads the last message on a subject through the stream leader.
   *
   * @param stream the stream name
   * @param subject the subject (wildcards allowed)
   * @return the message
   * @throws JetStreamApiException {@link JetStreamApiException#NO_MESSAGE_FOUND} if there is none
   */
  public StoredMessage getLastMessage(String stream, String subject) {
    return get(stream, new MsgGetRequest(0, subject, null));
  }

  /**
   * Reads the message with a sequence the way the stream allows, for a caller that holds the
   * stream's info (a Key/Value or Object Store handle): Direct Get when the info says {@code
   * allow_direct}, else through the stream leader (streams made by older clients have no {@code
   * allow_direct}). A Direct Get that nothing answers is reported at once as the get's own failure,
   * with no lookup to explain it: the stream is known to allow Direct Get, so its servers are
   * unreachable, and a lookup would fail the same way or wait out the request timeout.
   *
   * @param stream the stream's info (its name and {@code allow_direct} are used)
   * @param seq the sequence
   * @return the message
   * @throws JetStreamApiException {@link JetStreamApiException#NO_MESSAGE_FOUND} if there is none
   * @throws JetStreamException if nothing answered the Direct Get
   */
  public StoredMessage getMessage(StreamInfo stream, long seq) {
    String name = stream.config().name();
    if (!stream.config().allowDirect()) {
      return getMessage(name, seq);
    }
    return directAsIs(
        name,
        "DIRECT.GET." + name(name),
        new DirectGetRequest(seq, null, null, 0, 0, null, 0, null, null));
  }

  /**
   * Reads the last message on a subject the way the stream allows; see {@link
   * #getMessage(StreamInfo, long)}.
   *
   * @param stream the stream's info (its name and {@code allow_direct} are used)
   * @param subject the subject, no wildcards
   * @return the message
   * @throws JetStreamApiException {@link JetStreamApiException#NO_MESSAGE_FOUND} if there is none
   * @throws JetStreamException if nothing answered the Direct Get
   */
  public StoredMessage getLastMessage(StreamInfo stream, String subject) {
    String name = stream.config().name();
    if (!stream.config().allowDirect()) {
      return getLastMessage(name, subject);
    }
    return directAsIs(name, "DIRECT.GET." + name(name) + "." + subject, null);
  }

  /**
   * Reads the first message at or after a sequence on a subject through the stream leader.
   *
   * @param stream the stream name
   * @param seq the sequence to start at
   * @param subject the subject (wildcards allowed)
   * @return the message
   * @throws JetStreamApiException {@link JetStreamApiException#NO_MESSAGE_FOUND} if there is none
   */
  public StoredMessage getNextMessage(String stream, long seq, String subject) {
    return get(stream, new MsgGetRequest(seq, null, subject));
  }

  private StoredMessage get(String stream, MsgGetRequest request) {
    MsgGetResponse r = api.request("STREAM.MSG.GET." + name(stream), request, MsgGetResponse.class);
    return StoredMessages.fromApi(stream, r.message());
  }

  /**
   * Deletes a message, marking it deleted without overwriting its data.
   *
   * @param stream the stream name
   * @param seq the sequence
   * @return true when deleted
   */
  public boolean deleteMessage(String stream, long seq) {
    return api.request(
            "STREAM.MSG.DELETE." + name(stream),
            new MsgDeleteRequest(seq, true),
            SuccessResponse.class)
        .success();
  }

  /**
   * Deletes a message and overwrites its data on disk.
   *
   * @param stream the stream name
   * @param seq the sequence
   * @return true when erased
   */
  public boolean eraseMessage(String stream, long seq) {
    return api.request(
            "STREAM.MSG.DELETE." + name(stream),
            new MsgDeleteRequest(seq, false),
            SuccessResponse.class)
        .success();
  }

  /**
   * Reads a message by sequence with Direct Get (any replica or mirror answers; the stream needs
   * {@code allow_direct}).
   *
   * @param stream the stream name
   * @param seq the sequence
   * @return the message
   * @throws JetStreamApiException {@link JetStreamApiException#NO_MESSAGE_FOUND} if there is none
   */
  public StoredMessage directGet(String stream, long seq) {
    return direct(stream, new DirectGetRequest(seq, null, null, 0, 0, null, 0, null, null));
  }

  /**
   * Reads the last message on a subject with Direct Get ({@code DIRECT.GET.<stream>.<subject>}).
   *
   * @param stream the stream name
   * @param subject the subject, no wildcards
   * @return the message
   * @throws JetStreamApiException {@link JetStreamApiException#NO_MESSAGE_FOUND} if there is none
   */
  public StoredMessage directGetLast(String stream, String subject) {
    return direct(stream, "DIRECT.GET." + name(stream) + "." + subject, null);
  }

  /**
   * Reads the first message at or after a sequence on a subject with Direct Get.
   *
   * @param stream the stream name
   * @param seq the sequence to start at
   * @param subject the subject (wildcards allowed)
   * @return the message
   * @throws JetStreamApiException {@link JetStreamApiException#NO_MESSAGE_FOUND} if there is none
   */
  public StoredMessage directGetNext(String stream, long seq, String subject) {
    return direct(stream, new DirectGetRequest(seq, null, subject, 0, 0, null, 0, null, null));
  }

  private StoredMessage direct(String stream, DirectGetRequest request) {
    return direct(stream, "DIRECT.GET." + name(stream), request);
  }

  private StoredMessage direct(String stream, String endpoint, DirectGetRequest request) {
    Message reply;
    try {
      reply = api.requestRaw(endpoint, request, 0);
    } catch (JetStreamException e) {
      if (e.getCause() instanceof NoRespondersException) {
        throw directUnavailable(stream, e.getCause());
      }
      throw e;
    }
    return StoredMessages.fromDirect(reply);
  }

  private StoredMessage directAsIs(String stream, String endpoint, DirectGetRequest request) {
    Message reply;
    try {
      reply = api.requestRaw(endpoint, request, 0);
    } catch (JetStreamException e) {
      if (e.getCause() instanceof NoRespondersException) {
        throw new JetStreamException(
            "nothing answered the Direct Get on stream "
                + stream
                + " (no responders): no server holding it is reachable",
            e.getCause());
      }
      throw e;
    }
    return StoredMessages.fromDirect(reply);
  }

  /**
   * Explains why nothing answered a Direct Get: the stream does not exist (its API error), it does
   * not allow Direct Get, or its replicas are not ready.
   */
  private JetStreamException directUnavailable(String stream, Throwable cause) {
    StreamInfo info = info(stream);
    if (!info.config().allowDirect()) {
      return new JetStreamException(
          "stream "
              + stream
              + " does not allow Direct Get (allow_direct is false): read with getMessage, or"
              + " update the stream with allowDirect(true)",
          cause);
    }
    return new JetStreamException(
        "nothing answered the Direct Get on stream "
            + stream
            + " although it allows Direct Get: its replicas may be electing a leader; try again",
        cause);
  }

  /**
   * Reads up to {@code batch} messages from a sequence on with one Direct Get (ADR-31, API level
   * 1); the server ends the batch with a 204 EOB status.
   *
   * @param stream the stream name
   * @param startSeq the first sequence to look at
   * @param batch the most messages
   * @param subject only messages on this subject (wildcards allowed), or null for all
   * @return the messages and the end-of-batch counters
   */
  public DirectBatch directGetBatch(String stream, long startSeq, int batch, String subject) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1");
    }
    api.require(List.of(new ApiLevels.Requirement("direct get batch", 1)));
    return directBatch(
        stream, new DirectGetRequest(startSeq, null, subject, batch, 0, null, 0, null, null));
  }

  /**
   * Reads the last message of each of the subjects with one Direct Get (ADR-31 multi-last, API
   * level 1); the server ends the answer with a 204 EOB status.
   *
   * @param stream the stream name
   * @param subjects subjects (wildcards allowed)
   * @return the messages and the end-of-batch counters
   */
  public DirectBatch directGetLastForSubjects(String stream, List<String> subjects) {
    if (subjects.isEmpty()) {
      throw new IllegalArgumentException("subjects must not be empty");
    }
    api.require(List.of(new ApiLevels.Requirement("direct get multi_last", 1)));
    return directBatch(
        stream, new DirectGetRequest(0, null, null, 0, 0, List.copyOf(subjects), 0, null, null));
  }

  private DirectBatch directBatch(String stream, DirectGetRequest request) {
    String inbox = api.connection().createInbox();
    Subscription sub = api.connection().subscribe(inbox);
    try {
      api.connection()
          .publish(
              api.subject("DIRECT.GET." + name(stream)), inbox, null, JsonMapper.write(request));
      List<StoredMessage> messages = new ArrayList<>();
      Duration timeout = api.options().requestTimeout();
      while (true) {
        Message m = sub.next(timeout);
        int status = m.statusCode();
        if (status == 503) {
          throw directUnavailable(stream, null);
        }
        if (status == 204) {
          return new DirectBatch(
              messages,
              longHeader(m, StoredMessages.NUM_PENDING),
              longHeader(m, StoredMessages.LAST_SEQUENCE),
              longHeader(m, StoredMessages.UP_TO_SEQUENCE));
        }
        if (status == 404 && messages.isEmpty()) {
          return new DirectBatch(List.of(), 0, 0, 0);
        }
        messages.add(StoredMessages.fromDirect(m));
      }
    } finally {
      sub.unsubscribe();
    }
  }

  private static long longHeader(Message m, String key) {
    String v = m.headers() == null ? null : m.headers().first(key);
    return v == null ? 0 : Long.parseLong(v.trim());
  }

  private static String name(String stream) {
    return Names.requireValidName("stream name", stream);
  }
}

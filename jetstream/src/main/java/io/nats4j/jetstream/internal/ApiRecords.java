package io.nats4j.jetstream.internal;

import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.StreamInfo;
import java.time.Instant;
import java.util.List;

/**
 * The request and paged-response bodies of the JetStream API that users never see. Each is a record
 * written and read by {@link JsonMapper}.
 */
public final class ApiRecords {
  private ApiRecords() {}

  /** {@code STREAM.INFO} request. */
  public record StreamInfoRequest(boolean deletedDetails, String subjectsFilter, long offset) {}

  /** {@code STREAM.NAMES} and {@code STREAM.LIST} request. */
  public record StreamListRequest(long offset, String subject) {}

  /** {@code STREAM.NAMES} response page. */
  public record StreamNamesPage(long total, long offset, long limit, List<String> streams) {}

  /** {@code STREAM.LIST} response page. */
  public record StreamListPage(
      long total, long offset, long limit, List<StreamInfo> streams, List<String> missing) {}

  /** Paging fields of a {@code STREAM.INFO} response with a subject filter. */
  public record Paging(long total, long offset, long limit) {}

  /** {@code CONSUMER.NAMES} and {@code CONSUMER.LIST} request. */
  public record ConsumerListRequest(long offset) {}

  /** {@code CONSUMER.NAMES} response page. */
  public record ConsumerNamesPage(long total, long offset, long limit, List<String> consumers) {}

  /** {@code CONSUMER.LIST} response page. */
  public record ConsumerListPage(
      long total, long offset, long limit, List<ConsumerInfo> consumers, List<String> missing) {}

  /** {@code STREAM.PURGE} request. */
  public record PurgeRequest(String filter, long seq, long keep) {}

  /** {@code STREAM.PURGE} response. */
  public record PurgeResponse(boolean success, long purged) {}

  /** A response with just a success flag ({@code STREAM.DELETE}, {@code MSG.DELETE}, ...). */
  public record SuccessResponse(boolean success) {}

  /** {@code STREAM.MSG.DELETE} request; {@code no_erase} false overwrites the data. */
  public record MsgDeleteRequest(long seq, boolean noErase) {}

  /** {@code STREAM.MSG.GET} request. */
  public record MsgGetRequest(long seq, String lastBySubj, String nextBySubj) {}

  /** The message of a {@code STREAM.MSG.GET} response; Jackson decodes the base64. */
  public record ApiStoredMessage(
      String subject, long seq, byte[] hdrs, byte[] data, Instant time) {}

  /** {@code STREAM.MSG.GET} response. */
  public record MsgGetResponse(ApiStoredMessage message) {}

  /** {@code DIRECT.GET} request (ADR-31). */
  public record DirectGetRequest(
      long seq,
      String lastBySubj,
      String nextBySubj,
      long batch,
      long maxBytes,
      List<String> multiLast,
      long upToSeq,
      Instant upToTime,
      Instant startTime) {}

  /** {@code CONSUMER.CREATE} request. */
  public record ConsumerCreateRequest(String streamName, ConsumerConfig config, String action) {}

  /** {@code CONSUMER.PAUSE} request; no {@code pause_until} resumes. */
  public record ConsumerPauseRequest(Instant pauseUntil) {}

  /** {@code CONSUMER.UNPIN} request. */
  public record ConsumerUnpinRequest(String group) {}

  /** {@code CONSUMER.RESET} request; seq 0 resets to just after the ack floor. */
  public record ConsumerResetRequest(long seq) {}
}

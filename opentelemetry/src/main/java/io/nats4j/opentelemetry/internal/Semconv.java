package io.nats4j.opentelemetry.internal;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute names of the OpenTelemetry messaging semantic conventions used here (kept as
 * constants: the semconv artifact is not stable, and the instrumentation depends on the API only).
 */
final class Semconv {
  static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<Boolean> TEMPORARY =
      AttributeKey.booleanKey("messaging.destination.temporary");
  static final AttributeKey<String> OPERATION_TYPE =
      AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> OPERATION_NAME =
      AttributeKey.stringKey("messaging.operation.name");
  static final AttributeKey<Long> BODY_SIZE = AttributeKey.longKey("messaging.message.body.size");
  static final AttributeKey<Long> BATCH_COUNT =
      AttributeKey.longKey("messaging.batch.message_count");
  static final AttributeKey<String> CONSUMER_GROUP =
      AttributeKey.stringKey("messaging.consumer.group.name");
  static final AttributeKey<String> SUBSCRIPTION =
      AttributeKey.stringKey("messaging.destination.subscription.name");
  static final AttributeKey<String> STREAM = AttributeKey.stringKey("nats.jetstream.stream");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> CONNECTION_NAME =
      AttributeKey.stringKey("nats.connection.name");

  static final String SYSTEM = "nats";

  private Semconv() {}
}

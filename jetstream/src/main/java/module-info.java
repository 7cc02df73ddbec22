/** JetStream: stream and consumer management, publishing with acks, consumers. */
module io.nats4j.jetstream {
  requires transitive io.nats4j.client;
  requires com.fasterxml.jackson.databind;

  exports io.nats4j.jetstream;

  // The records of the public package are read and written by the internal Jackson mapper.
  opens io.nats4j.jetstream to
      com.fasterxml.jackson.databind;
  opens io.nats4j.jetstream.internal to
      com.fasterxml.jackson.databind;
}

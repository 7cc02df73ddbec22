/** JetStream: stream and consumer management, publishing with acks, consumers. */
module io.nats4j.jetstream {
  requires transitive io.nats4j.client;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports io.nats4j.jetstream;

  // The internal Jackson mapper reads and writes the private fields of the public JSON types.
  opens io.nats4j.jetstream to
      com.fasterxml.jackson.databind;
  opens io.nats4j.jetstream.internal to
      com.fasterxml.jackson.databind;
}

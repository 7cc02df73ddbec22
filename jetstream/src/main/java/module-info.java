/** JetStream: stream and consumer management, publishing with acks, consumers. */
module io.nats4j.jetstream {
  requires transitive io.nats4j.client;
  requires com.fasterxml.jackson.databind;

// The public package io.nats4j.jetstream is exported once it has code (issue 6).
}

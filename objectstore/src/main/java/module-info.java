/** Object Store: chunked objects on JetStream streams, wire-compatible with the other clients. */
module io.nats4j.objectstore {
  requires transitive io.nats4j.jetstream;
  requires transitive okio;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports io.nats4j.objectstore;
}

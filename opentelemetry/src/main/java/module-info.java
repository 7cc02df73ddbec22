/** OpenTelemetry tracing and metrics for nats4j, through the client's MessageObserver hook. */
module io.nats4j.opentelemetry {
  requires transitive io.nats4j.client;
  requires io.nats4j.jetstream;
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;

  exports io.nats4j.opentelemetry;
}

/** Small runnable programs, one per feature, run by scripts/demo. */
module io.nats4j.samples {
  requires io.nats4j.client;
  requires io.nats4j.jetstream;
  requires io.nats4j.kv;
  requires io.nats4j.objectstore;
  requires io.nats4j.service;
  requires io.nats4j.opentelemetry;
  requires io.nats4j.spring.boot;
  requires io.opentelemetry.sdk;
  requires io.opentelemetry.sdk.trace;
  requires io.opentelemetry.exporter.logging;
  requires spring.boot;
  requires spring.context;
  requires spring.beans;

  opens io.nats4j.samples to
      spring.core,
      spring.beans,
      spring.context;
}

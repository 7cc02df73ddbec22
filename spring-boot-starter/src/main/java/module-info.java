/** Spring Boot auto-configuration for nats4j. */
module io.nats4j.spring.boot {
  requires transitive io.nats4j.client;
  requires transitive io.nats4j.jetstream;
  requires transitive spring.boot.autoconfigure;
  requires spring.boot;
  requires spring.beans;
  requires spring.context;
  requires spring.core;
  requires org.slf4j;
  requires static spring.boot.health;
  requires static io.nats4j.micrometer;
  requires static micrometer.core;
  requires static io.nats4j.opentelemetry;
  requires static io.opentelemetry.api;

  exports io.nats4j.spring.boot;

  opens io.nats4j.spring.boot to
      spring.core,
      spring.beans,
      spring.context;
}

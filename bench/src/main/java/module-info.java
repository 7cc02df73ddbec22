/** The benchmark tool: nats4j and jnats side by side against the same server. */
module io.nats4j.bench {
  requires io.nats4j.client;
  requires io.nats4j.jetstream;
  requires io.nats4j.kv;
  requires io.nats4j.objectstore;
  requires io.nats4j.service;
  requires io.nats4j.testkit;
  requires io.nats.jnats;
  requires java.management;
  requires jdk.management; // the process CPU time in each result line
}

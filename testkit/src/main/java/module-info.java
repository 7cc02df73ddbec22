/** The reference-server harness: starts real nats-server processes for tests. */
module io.nats4j.testkit {
  requires transitive org.junit.jupiter.api;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires java.net.http;
  requires static org.junit.platform.launcher;
  // Optional, only for NatsContainer; the jar names no module, so its file name gives this one.
  requires static testcontainers;
  requires static com.github.dockerjava.api;

  exports io.nats4j.testkit;
}

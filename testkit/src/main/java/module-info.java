/** The reference-server harness: starts real nats-server processes for tests. */
module io.nats4j.testkit {
  requires transitive org.junit.jupiter.api;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires java.net.http;
  requires static org.junit.platform.launcher;

  exports io.nats4j.testkit;
}

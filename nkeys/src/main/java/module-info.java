/** NKeys: NATS-encoded Ed25519 keys, creds files, JWTs and xkeys. */
module io.nats4j.nkeys {
  requires org.bouncycastle.provider;

  exports io.nats4j.nkeys;
  // The one mini JSON reader/writer, shared with the client for INFO and CONNECT.
  exports io.nats4j.nkeys.internal to
      io.nats4j.client;
}

/** NKeys: NATS-encoded Ed25519 keys, creds files, JWTs and xkeys. */
module io.nats4j.nkeys {
  requires org.bouncycastle.provider;

  exports io.nats4j.nkeys;
}

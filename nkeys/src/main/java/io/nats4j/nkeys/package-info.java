/** NKeys: NATS-encoded Ed25519 key pairs, creds files, JWTs and curve25519 xkeys. */
package io.nats4j.nkeys;

/** The reference-server harness: starts real nats-server processes for tests. */
package io.nats4j.testkit;

/**
 * Server addresses: URL parsing shared by the connection core and the reconnect loop, below both
 * (so neither depends on the other for it).
 */
package io.nats4j.client.internal.address;

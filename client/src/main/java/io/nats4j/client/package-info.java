/** The NATS connection core: connect, authenticate, publish, subscribe, request/reply. */
package io.nats4j.client;

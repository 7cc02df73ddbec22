package io.nats4j.bench;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.ReconnectOptions;
import io.nats4j.service.Endpoint;
import io.nats4j.service.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The {@code svc} scenario: request/reply through a service endpoint, nats4j's {@code
 * io.nats4j.service} against jnats's {@code io.nats.service}. The service (one echo endpoint, the
 * default queue group, handlers on the service's dispatcher as both clients do by default) runs on
 * its own connection; {@code requesters} threads, each with its own connection, send {@code msgs}
 * requests in total and wait for each reply, so up to {@code requesters} requests are in flight.
 * Latency is per request; msgs/s and CPU are over the whole run (the service's side included: it
 * runs in this JVM).
 */
final class ServiceBench {
  private ServiceBench() {}

  @FunctionalInterface
  private interface Requester extends AutoCloseable {
    void request(int i) throws Exception;

    @Override
    default void close() {}
  }

  static RunResult run(
      String client, String url, String subject, int msgs, byte[] payload, int requesters)
      throws Exception {
    return client.equals("jnats")
        ? jnats(url, subject, msgs, payload, requesters)
        : nats4j(url, subject, msgs, payload, requesters);
  }

  private static Connection connect(String url) {
    return Nats.connect(
        Options.builder()
            .server(url)
            .name("nats4j-bench")
            .reconnect(ReconnectOptions.disabled())
            .build());
  }

  private static RunResult nats4j(
      String url, String subject, int msgs, byte[] payload, int requesters) throws Exception {
    try (Connection serviceConnection = connect(url)) {
      Service service =
          Service.builder(serviceConnection)
              .name("bench")
              .version("1.0.0")
              .addEndpoint(
                  Endpoint.builder("echo")
                      .subject(subject)
                      .handler(r -> r.respond(r.data()))
                      .build())
              .start();
      List<Connection> connections = new ArrayList<>();
      try {
        List<Requester> senders = new ArrayList<>();
        for (int t = 0; t < requesters; t++) {
          Connection c = connect(url);
          connections.add(c);
          senders.add(
              i -> {
                Message reply = c.request(subject, payload, Scenarios.REQUEST_TIMEOUT);
                if (reply.data().length != payload.length) {
                  throw new IllegalStateException("nats4j reply " + i + " has the wrong size");
                }
              });
        }
        return measure(msgs, senders);
      } finally {
        connections.forEach(Connection::close);
        service.stop(Duration.ofSeconds(10)).get(20, TimeUnit.SECONDS);
      }
    }
  }

  private static RunResult jnats(
      String url, String subject, int msgs, byte[] payload, int requesters) throws Exception {
    io.nats.client.Options options =
        new io.nats.client.Options.Builder()
            .server(url)
            .connectionName("nats4j-bench")
            .maxReconnects(0)
            .build();
    io.nats.client.Connection serviceConnection = io.nats.client.Nats.connect(options);
    try {
      io.nats.service.ServiceEndpoint echo =
          io.nats.service.ServiceEndpoint.builder()
              .endpointName("echo")
              .endpointSubject(subject)
              .handler(m -> m.respond(serviceConnection, m.getData()))
              .build();
      io.nats.service.Service service =
          new io.nats.service.ServiceBuilder()
              .connection(serviceConnection)
              .name("bench")
              .version("1.0.0")
              .addServiceEndpoint(echo)
              .build();
      service.startService();
      if (!service.isStarted(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the jnats service did not start");
      }
      serviceConnection.flush(Scenarios.FLUSH_TIMEOUT);
      List<io.nats.client.Connection> connections = new ArrayList<>();
      try {
        List<Requester> senders = new ArrayList<>();
        for (int t = 0; t < requesters; t++) {
          io.nats.client.Connection c = io.nats.client.Nats.connect(options);
          connections.add(c);
          senders.add(
              i -> {
                io.nats.client.Message reply =
                    c.request(subject, payload, Scenarios.REQUEST_TIMEOUT);
                if (reply == null || reply.getData().length != payload.length) {
                  throw new IllegalStateException("jnats reply " + i + " is missing or wrong");
                }
              });
        }
        return measure(msgs, senders);
      } finally {
        for (io.nats.client.Connection c : connections) {
          c.close();
        }
        service.stop();
      }
    } finally {
      serviceConnection.close();
    }
  }

  /** Runs the senders on their own threads, {@code msgs} requests in total, timing each. */
  private static RunResult measure(int msgs, List<Requester> senders) throws Exception {
    int threads = senders.size();
    long[] latencies = new long[msgs];
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    Exception[] failure = new Exception[threads];
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int index = t;
      int from = (int) ((long) msgs * t / threads);
      int to = (int) ((long) msgs * (t + 1) / threads);
      Requester sender = senders.get(t);
      Thread worker =
          new Thread(
              () -> {
                ready.countDown();
                try {
                  go.await();
                  for (int i = from; i < to; i++) {
                    long t0 = System.nanoTime();
                    sender.request(i);
                    latencies[i] = System.nanoTime() - t0;
                  }
                } catch (Exception e) {
                  failure[index] = e;
                }
              },
              "bench-requester-" + t);
      workers.add(worker);
      worker.start();
    }
    ready.await();
    Meter meter = Meter.start();
    go.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    RunResult result = meter.latency(latencies);
    for (Exception e : failure) {
      if (e != null) {
        throw e;
      }
    }
    return result;
  }
}

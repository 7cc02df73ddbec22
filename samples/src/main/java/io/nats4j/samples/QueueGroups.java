package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.Nats;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Queue groups: three workers subscribe to {@code samples.jobs} in the group {@code workers}; the
 * server gives each message to exactly one of them, spreading the load.
 *
 * <p>Run: {@code QueueGroups <server-url>}.
 */
public final class QueueGroups {

  private QueueGroups() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) throws InterruptedException {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    int jobs = 30;
    try (Connection nc = Nats.connect(url)) {
      Map<String, Integer> perWorker = new ConcurrentHashMap<>();
      CountDownLatch done = new CountDownLatch(jobs);
      for (int w = 1; w <= 3; w++) {
        String worker = "worker-" + w;
        Dispatcher dispatcher = nc.createDispatcher(worker);
        dispatcher.subscribe(
            "samples.jobs",
            "workers",
            message -> {
              perWorker.merge(worker, 1, Integer::sum);
              done.countDown();
            });
      }
      nc.flush(Duration.ofSeconds(5));
      for (int i = 0; i < jobs; i++) {
        nc.publish("samples.jobs", "job " + i);
      }
      if (!done.await(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not every job was handled");
      }
      System.out.println(jobs + " jobs, each handled once, spread as " + perWorker);
    }
  }
}

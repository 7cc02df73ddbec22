package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A tiny Spring Boot application on nats4j-spring-boot-starter: the {@code Connection} and {@code
 * JetStream} beans come from {@code nats4j.servers}; it subscribes, publishes (core and JetStream),
 * and closes the context, which drains the connection.
 *
 * <p>Run: {@code SpringBootApp <server-url>} (a server with JetStream)
 */
@SpringBootApplication
public class SpringBootApp {

  /** Runs the application against {@code args[0]}. */
  public static void main(String[] args) throws InterruptedException {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    SpringApplication app = new SpringApplication(SpringBootApp.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setLogStartupInfo(false);
    try (ConfigurableApplicationContext context =
        app.run("--nats4j.servers=" + url, "--nats4j.connection-name=sample-spring-boot")) {
      Connection nats = context.getBean(Connection.class);
      CountDownLatch received = new CountDownLatch(1);
      nats.defaultDispatcher()
          .subscribe(
              "samples.boot",
              m -> {
                System.out.println("spring bean received: " + m.dataAsString());
                received.countDown();
              });
      nats.flush(Duration.ofSeconds(5));
      nats.publish("samples.boot", "hello from Spring Boot");
      System.out.println("handled: " + received.await(5, TimeUnit.SECONDS));

      JetStream js = context.getBean(JetStream.class);
      js.streams()
          .create(
              StreamConfig.builder("SAMPLE_BOOT")
                  .subjects("samples.boot.js")
                  .storage(StorageType.MEMORY)
                  .build());
      System.out.println(
          "JetStream ack: seq " + js.publish("samples.boot.js", new byte[] {1}).seq());
      js.streams().delete("SAMPLE_BOOT");
    }
    System.out.println("context closed: connection drained and closed");
  }
}

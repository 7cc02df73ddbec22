package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.LogCapture;
import io.nats4j.testkit.NatsServer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consume started without a {@link ConsumeErrorListener} is not silent: through SLF4J (the same
 * logging API as the client) a handler failure is logged at WARN and the error that ends the
 * consume at ERROR.
 */
class ConsumeDefaultLoggingIT extends StreamTestBase {
  private static final Duration WAIT = Duration.ofSeconds(15);

  ConsumeDefaultLoggingIT(NatsServer server) {
    super(server, "LOGS");
  }

  @BeforeEach
  void createMemoryStream() {
    createStream(StorageType.MEMORY);
  }

  @Test
  void handlerFailuresAreWarningsAndTheEndOfTheConsumeIsAnError() throws Exception {
    js.consumers()
        .create(
            stream,
            ConsumerConfig.builder().durableName("noisy").ackPolicy(AckPolicy.EXPLICIT).build());
    ConsumerContext c = js.consumer(stream, "noisy");
    publishNumbers("m", 1, 1);
    try (LogCapture logs = LogCapture.start()) {
      ConsumeHandle h =
          c.consume(
              m -> {
                throw new IllegalStateException("handler bug 42");
              },
              ConsumeOptions.builder().expiresIn(Duration.ofSeconds(2)).build());

      String failure = logs.await(l -> l.contains(" WARN ") && l.contains("handler bug 42"), WAIT);
      assertTrue(failure.contains("io.nats4j.jetstream"), failure);

      js.consumers().delete(stream, "noisy");
      assertThrows(ExecutionException.class, () -> h.closed().get(15, TimeUnit.SECONDS));
      logs.await(l -> l.contains(" ERROR io.nats4j.jetstream ") && l.contains("ended"), WAIT);
    }
  }
}

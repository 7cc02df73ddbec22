package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsContainer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The nats4j client against a server started by testkit's {@link NatsContainer} (the image
 * scripts/docker-setup builds FROM scratch, host loopback networking): connect, request/reply, and
 * the server the client reports is the container's. Skips with the reason where no engine runs or
 * the image is missing.
 */
class NatsContainerClientIT {

  static final String IMAGE = "nats4j/nats-server:2.15.2";

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void clientTalksToAServerInAContainer() {
    Optional<String> problem = NatsContainer.unavailableReason(IMAGE);
    assumeTrue(problem.isEmpty(), problem.orElse(""));
    try (NatsContainer nats =
        new NatsContainer(IMAGE).withHostLoopbackNetwork().withServerArgs("--name", "boxed")) {
      nats.start();
      try (Connection nc = Nats.connect(nats.clientUrl())) {
        assertEquals("boxed", nc.serverInfo().serverName());
        assertEquals("2.15.2", nc.serverInfo().version());
        nc.createDispatcher("echo").subscribe("echo", m -> m.respond(m.data()));
        nc.flush(Duration.ofSeconds(5));
        Message reply =
            nc.request("echo", "in a box".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
        assertEquals("in a box", new String(reply.data(), StandardCharsets.UTF_8));
      }
    }
  }
}

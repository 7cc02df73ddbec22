package io.nats4j.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsException;
import io.nats4j.jetstream.JetStream;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A put interrupted by the server dying (kill -9) midway leaves no partial object behind. */
class ObjectCrashIT {

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  /** Endless content that kills the server once {@code killAfter} bytes were read. */
  private static InputStream killingStream(NatsServer server, long killAfter) {
    return new InputStream() {
      private long read;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (read >= killAfter && server.isRunning()) {
          server.kill();
        }
        for (int i = 0; i < len; i++) {
          b[off + i] = (byte) (read + i);
        }
        read += len;
        return len;
      }
    };
  }

  @Test
  void aPutCutByAServerCrashLeavesTheOldObjectOrNone() {
    try (NatsServer server = NatsServer.start(ServerConfig.builder().jetStream().build())) {
      byte[] old = Chunks.random(300_000, 1);
      try (Connection nc = Nats.connect(server.clientUrl());
          JetStream js = JetStream.of(nc)) {
        ObjectStore store =
            ObjectStoreManager.of(js).create(ObjectStoreConfig.builder("CRASH").build());
        store.put("replaced", old);
        assertThrows(
            NatsException.class,
            () -> store.put(ObjectMeta.of("replaced"), killingStream(server, 4 * 1024 * 1024)));
      }
      server.restart();
      try (Connection nc = Nats.connect(server.clientUrl());
          JetStream js = JetStream.of(nc)) {
        ObjectStore store = ObjectStoreManager.of(js).open("CRASH");
        assertArrayEquals(old, store.getBytes("replaced"), "the old version is intact");
        assertEquals(List.of("replaced"), store.list(true).stream().map(ObjectInfo::name).toList());
        store.put("again", new byte[] {1});
      }

      try (Connection nc = Nats.connect(server.clientUrl());
          JetStream js = JetStream.of(nc)) {
        ObjectStore store = ObjectStoreManager.of(js).open("CRASH");
        assertThrows(
            NatsException.class,
            () -> store.put(ObjectMeta.of("new"), killingStream(server, 2 * 1024 * 1024)));
      }
      server.restart();
      try (Connection nc = Nats.connect(server.clientUrl());
          JetStream js = JetStream.of(nc)) {
        ObjectStore store = ObjectStoreManager.of(js).open("CRASH");
        assertTrue(store.info("new", true).isEmpty(), "no partial object is visible");
        assertEquals(
            List.of("replaced", "again"), store.list(true).stream().map(ObjectInfo::name).toList());
        assertArrayEquals(old, store.getBytes("replaced"));
      }
    }
  }
}

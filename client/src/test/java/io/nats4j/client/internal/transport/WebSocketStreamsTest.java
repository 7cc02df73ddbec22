package io.nats4j.client.internal.transport;

import static io.nats4j.client.internal.transport.WebSocketFrameDecoderTest.ascii;
import static io.nats4j.client.internal.transport.WebSocketFrameDecoderTest.concat;
import static io.nats4j.client.internal.transport.WebSocketFrameDecoderTest.frame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.ProtocolException;
import io.nats4j.client.WebSocketClosedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** The framing streams over in-memory sockets: masking, compression, pings, close. */
class WebSocketStreamsTest {

  /** One client frame, unmasked, as the server reads it. */
  record ClientFrame(int b0, int key, byte[] payload) {}

  static List<ClientFrame> clientFrames(byte[] wire) {
    List<ClientFrame> frames = new ArrayList<>();
    int pos = 0;
    while (pos < wire.length) {
      int b0 = wire[pos] & 0xFF;
      int b1 = wire[pos + 1] & 0xFF;
      assertTrue((b1 & 0x80) != 0, "client frames are masked");
      int len7 = b1 & 0x7F;
      pos += 2;
      long len = len7;
      if (len7 == 126) {
        len = ((wire[pos] & 0xFF) << 8) | (wire[pos + 1] & 0xFF);
        pos += 2;
      } else if (len7 == 127) {
        len = 0;
        for (int i = 0; i < 8; i++) {
          len = (len << 8) | (wire[pos + i] & 0xFF);
        }
        pos += 8;
      }
      int key =
          ((wire[pos] & 0xFF) << 24)
              | ((wire[pos + 1] & 0xFF) << 16)
              | ((wire[pos + 2] & 0xFF) << 8)
              | (wire[pos + 3] & 0xFF);
      pos += 4;
      byte[] payload = new byte[(int) len];
      for (int i = 0; i < len; i++) {
        payload[i] = (byte) (wire[pos + i] ^ (key >>> (24 - 8 * (i & 3))));
      }
      pos += (int) len;
      frames.add(new ClientFrame(b0, key, payload));
    }
    return frames;
  }

  static byte[] compress(byte[] data) {
    Deflater d = new Deflater(Deflater.BEST_SPEED, true);
    d.setInput(data);
    byte[] out = new byte[data.length + 1024];
    int n = d.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
    d.end();
    return Arrays.copyOf(out, n - 4);
  }

  static byte[] readAll(InputStream in, int chunk) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[chunk];
    int n;
    while ((n = in.read(buf, 0, chunk)) >= 0) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  @Test
  void masksEveryFrameWithAFreshKey() throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    WebSocketOutputStream out = new WebSocketOutputStream(wire, null);
    byte[] big = new byte[WebSocketOutputStream.MAX_FRAME_PAYLOAD + 70_000];
    new Random(7).nextBytes(big);
    out.write(ascii("PUB a 5\r\nhello\r\n"));
    out.write(ascii("PUB a 5\r\nhello\r\n"));
    out.write(big);

    List<ClientFrame> frames = clientFrames(wire.toByteArray());
    assertEquals(4, frames.size());
    assertArrayEquals(ascii("PUB a 5\r\nhello\r\n"), frames.get(0).payload());
    assertEquals(0x82, frames.get(0).b0(), "FIN, binary");
    assertNotEquals(frames.get(0).key(), frames.get(1).key());
    assertArrayEquals(
        big, concat(frames.get(2).payload(), frames.get(3).payload()), "split, masked, whole");
    // the masked bytes on the wire differ from the payload (a zero key is vanishingly unlikely)
    assertTrue(frames.stream().map(ClientFrame::key).distinct().count() == 4);
  }

  @Test
  void maskingMatchesTheRfcAtEveryOffsetAndLength() {
    Random r = new Random(3);
    for (int len = 0; len < 40; len++) {
      byte[] src = new byte[len + 5];
      r.nextBytes(src);
      int key = r.nextInt();
      byte[] dst = new byte[len + 7];
      WebSocketFrameEncoder.mask(src, 3, len, dst, 2, key);
      for (int i = 0; i < len; i++) {
        byte keyByte = (byte) (key >>> (24 - 8 * (i % 4)));
        assertEquals((byte) (src[3 + i] ^ keyByte), dst[2 + i], "len " + len + " i " + i);
      }
    }
  }

  @Test
  void compressesLargeWritesAsOneFragmentedMessageAndInflatesThem() throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    WebSocketOutputStream out = new WebSocketOutputStream(wire, new PerMessageDeflate(true));
    byte[] text = ascii("PUB greet 11\r\nhello world\r\n".repeat(100));
    out.write(ascii("PING\r\n")); // under the threshold: plain
    out.write(text);

    List<ClientFrame> frames = clientFrames(wire.toByteArray());
    assertEquals(0x82, frames.get(0).b0());
    assertEquals(0xC2, frames.get(1).b0(), "FIN, RSV1, binary");
    assertTrue(frames.get(1).payload().length < text.length / 10);

    // the server's view: inflate it back
    ByteRun compressed = new ByteRun(16);
    byte[] p = frames.get(1).payload();
    compressed.write(p, 0, p.length);
    ByteRun inflated = new ByteRun(16);
    new PerMessageDeflate(true).inflate(compressed, inflated, 1 << 20);
    assertArrayEquals(text, Arrays.copyOf(inflated.bytes, inflated.length));
  }

  @Test
  void readsPlainAndCompressedMessagesInOrderWhateverTheReadSize() throws IOException {
    byte[] one = ascii("INFO {}\r\n");
    byte[] two = ascii("MSG a 1 11\r\nhello world\r\n".repeat(20));
    byte[] three = ascii("PING\r\n");
    byte[] zipped = compress(two);
    byte[] wire =
        concat(
            frame(0x82, one),
            frame(0x42, Arrays.copyOf(zipped, 10)),
            frame(0x80, Arrays.copyOfRange(zipped, 10, zipped.length)),
            frame(0x82, three));
    for (int chunk : new int[] {1, 7, 64, 65536}) {
      for (int leftover : new int[] {0, 5, wire.length}) {
        WebSocketInputStream in =
            new WebSocketInputStream(
                new ByteArrayInputStream(Arrays.copyOfRange(wire, leftover, wire.length)),
                Arrays.copyOf(wire, leftover),
                new WebSocketOutputStream(new ByteArrayOutputStream(), null),
                new PerMessageDeflate(true),
                1 << 20);
        assertArrayEquals(concat(one, two, three), readAll(in, chunk), "chunk " + chunk);
      }
    }
  }

  @Test
  void inflatesWithContextTakeoverUnlessTheServerGaveItUp() throws IOException {
    // a compressor that keeps its window: the second message refers back into the first
    Deflater d = new Deflater(Deflater.BEST_SPEED, true);
    byte[] msg = ascii("MSG subject.with.a.long.name 1 5\r\nhello\r\n");
    byte[] wire = new byte[0];
    for (int i = 0; i < 2; i++) {
      d.setInput(msg);
      byte[] out = new byte[1024];
      int n = d.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
      wire = concat(wire, frame(0xC2, Arrays.copyOf(out, n - 4)));
    }
    d.end();
    WebSocketInputStream in =
        new WebSocketInputStream(
            new ByteArrayInputStream(wire),
            new byte[0],
            new WebSocketOutputStream(new ByteArrayOutputStream(), null),
            new PerMessageDeflate(false),
            1 << 20);
    assertArrayEquals(concat(msg, msg), readAll(in, 4096));
  }

  @Test
  void aCompressedMessageMayNotInflateBeyondTheBound() {
    byte[] bomb = compress(new byte[200_000]);
    WebSocketInputStream in =
        new WebSocketInputStream(
            new ByteArrayInputStream(frame(0xC2, bomb)),
            new byte[0],
            new WebSocketOutputStream(new ByteArrayOutputStream(), null),
            new PerMessageDeflate(true),
            100_000);
    ProtocolException e = assertThrows(ProtocolException.class, () -> readAll(in, 4096));
    assertTrue(e.getMessage().contains("inflates beyond 100000 bytes"), e.getMessage());
  }

  @Test
  void answersPingsAndACloseThenReportsTheCloseCode() throws IOException {
    ByteArrayOutputStream replies = new ByteArrayOutputStream();
    byte[] wire =
        concat(
            frame(0x82, ascii("+OK\r\n")),
            frame(0x89, ascii("are you there")),
            frame(0x88, concat(new byte[] {0x03, (byte) 0xE9}, ascii("server shutdown"))));
    WebSocketInputStream in =
        new WebSocketInputStream(
            new ByteArrayInputStream(wire),
            new byte[0],
            new WebSocketOutputStream(replies, null),
            null,
            1 << 20);
    byte[] buf = new byte[100];
    assertEquals(5, in.read(buf, 0, 100));
    WebSocketClosedException e =
        assertThrows(WebSocketClosedException.class, () -> in.read(buf, 0, 100));
    assertEquals(1001, e.closeCode());
    assertEquals("server shutdown", e.reason());
    assertTrue(e.getMessage().contains("1001"), e.getMessage());

    List<ClientFrame> sent = clientFrames(replies.toByteArray());
    assertEquals(2, sent.size());
    assertEquals(0x8A, sent.get(0).b0(), "pong");
    assertArrayEquals(ascii("are you there"), sent.get(0).payload());
    assertEquals(0x88, sent.get(1).b0(), "close echoed");
    assertArrayEquals(new byte[] {0x03, (byte) 0xE9}, sent.get(1).payload());
  }

  @Test
  void bytesBeforeABadFrameAreReadThenTheErrorIsThrown() throws IOException {
    byte[] wire = concat(frame(0x82, ascii("PONG\r\n")), new byte[] {(byte) 0x83, 0});
    WebSocketInputStream in =
        new WebSocketInputStream(
            new ByteArrayInputStream(wire),
            new byte[0],
            new WebSocketOutputStream(new ByteArrayOutputStream(), null),
            null,
            1 << 20);
    byte[] buf = new byte[100];
    assertEquals(6, in.read(buf, 0, 100));
    ProtocolException e = assertThrows(ProtocolException.class, () -> in.read(buf, 0, 100));
    assertTrue(e.getMessage().contains("unknown opcode 0x3"), e.getMessage());
  }
}

package ai.fireworks.sdk.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.PriorityQueue;

/**
 * A deliberately minimal HTTP/1.1 keep-alive server for the benchmarks: one NIO selector thread,
 * no parsing beyond the request line, {@code Content-Length} and a search for
 * {@code "stream":true} in the body, and responses that are prebuilt byte arrays. It answers
 * every {@code POST .../chat/completions} with a canned ~400-byte chat completion, or with a
 * 1,000-event SSE stream when the body asks for one, optionally after a fixed delay (the "slow
 * server" of the many-in-flight test). Anything else gets a 404.
 *
 * <p>Run it as its own process so that its CPU is not charged to the client under test:
 * {@code java -cp ... ai.fireworks.sdk.benchmarks.LoopbackServer [--delay-ms N] [--max-seconds N]}.
 * It binds 127.0.0.1 on an ephemeral port, prints {@code PORT <n>} on stdout, and stops when its
 * stdin closes (its parent went away) or after {@code --max-seconds} (default 1200), whichever
 * comes first.
 */
public final class LoopbackServer implements AutoCloseable {
  private static final byte[] CHAT = Payloads.chatResponse();
  private static final byte[] STREAM = Payloads.streamResponse(Payloads.STREAM_CHUNKS);
  private static final byte[] EMBEDDINGS = Payloads.embeddingsResponse();
  private static final byte[] NOT_FOUND = Payloads.httpResponse(404, "application/json",
      "{\"error\":{\"message\":\"not found\",\"code\":\"NOT_FOUND\"}}".getBytes(StandardCharsets.US_ASCII));
  private static final byte[] BAD_REQUEST = Payloads.httpResponse(400, "application/json",
      "{\"error\":{\"message\":\"unsupported request framing\"}}".getBytes(StandardCharsets.US_ASCII));

  private final ServerSocketChannel server;
  private final Selector selector;
  private final long delayNanos;
  private final Thread thread;
  private final PriorityQueue<Delayed> delayed = new PriorityQueue<>();
  private volatile boolean running = true;

  private LoopbackServer(long delayMillis) throws IOException {
    this.delayNanos = delayMillis * 1_000_000L;
    this.selector = Selector.open();
    this.server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    server.configureBlocking(false);
    server.register(selector, SelectionKey.OP_ACCEPT);
    this.thread = new Thread(this::loop, "loopback-server");
    thread.setDaemon(true);
  }

  /** Starts a server in this JVM (tests and smoke checks; the benchmarks use a separate process). */
  public static LoopbackServer start(long delayMillis) throws IOException {
    LoopbackServer s = new LoopbackServer(delayMillis);
    s.thread.start();
    return s;
  }

  public int port() {
    return server.socket().getLocalPort();
  }

  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
    selector.close();
  }

  public static void main(String[] args) throws Exception {
    long delay = 0;
    long maxSeconds = 1200;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--delay-ms": delay = Long.parseLong(args[++i]); break;
        case "--max-seconds": maxSeconds = Long.parseLong(args[++i]); break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    try (LoopbackServer s = start(delay)) {
      System.out.println("PORT " + s.port());
      System.out.flush();
      Thread watchdog = new Thread(() -> {
        try (InputStream in = System.in) {
          while (in.read() >= 0) {
            // drain until the parent closes our stdin or dies
          }
        } catch (IOException ignored) {
          // parent gone
        }
        System.exit(0);
      }, "stdin-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
      Thread.sleep(maxSeconds * 1000);
    }
  }

  // ---- the selector loop ------------------------------------------------------------------------

  private static final class Conn {
    final SocketChannel ch;
    ByteBuffer in = ByteBuffer.allocate(8192);
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();

    Conn(SocketChannel ch) {
      this.ch = ch;
    }
  }

  private static final class Delayed implements Comparable<Delayed> {
    final long due;
    final Conn conn;
    final byte[] response;

    Delayed(long due, Conn conn, byte[] response) {
      this.due = due;
      this.conn = conn;
      this.response = response;
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(due, o.due);
    }
  }

  private void loop() {
    try {
      while (running) {
        long timeoutMs = 0;
        Delayed head = delayed.peek();
        if (head != null) {
          timeoutMs = Math.max(1, (head.due - System.nanoTime()) / 1_000_000L);
        }
        selector.select(timeoutMs);
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
          SelectionKey key = it.next();
          it.remove();
          try {
            if (!key.isValid()) {
              continue;
            }
            if (key.isAcceptable()) {
              accept();
            } else {
              Conn c = (Conn) key.attachment();
              if (key.isWritable()) {
                flush(key, c);
              }
              if (key.isValid() && key.isReadable()) {
                read(key, c);
              }
            }
          } catch (IOException e) {
            closeQuietly(key);
          }
        }
        releaseDue();
      }
    } catch (IOException | RuntimeException e) {
      if (running) {
        e.printStackTrace();
      }
    }
  }

  private void accept() throws IOException {
    SocketChannel ch;
    while ((ch = server.accept()) != null) {
      ch.configureBlocking(false);
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      ch.register(selector, SelectionKey.OP_READ, new Conn(ch));
    }
  }

  private void releaseDue() {
    long now = System.nanoTime();
    while (!delayed.isEmpty() && delayed.peek().due <= now) {
      Delayed d = delayed.poll();
      SelectionKey key = d.conn.ch.keyFor(selector);
      if (key == null || !key.isValid()) {
        continue;
      }
      d.conn.out.add(ByteBuffer.wrap(d.response));
      try {
        flush(key, d.conn);
      } catch (IOException e) {
        closeQuietly(key);
      }
    }
  }

  private void read(SelectionKey key, Conn c) throws IOException {
    if (!c.in.hasRemaining()) {
      ByteBuffer bigger = ByteBuffer.allocate(c.in.capacity() * 2);
      c.in.flip();
      bigger.put(c.in);
      c.in = bigger;
    }
    int n = c.ch.read(c.in);
    if (n < 0) {
      closeQuietly(key);
      return;
    }
    // Answer every complete request in the buffer (clients do not pipeline, but be correct).
    while (true) {
      byte[] response = nextRequest(c);
      if (response == null) {
        break;
      }
      if (delayNanos > 0) {
        delayed.add(new Delayed(System.nanoTime() + delayNanos, c, response));
      } else {
        c.out.add(ByteBuffer.wrap(response));
      }
    }
    flush(key, c);
  }

  /** Consumes one complete request from {@code c.in} and returns its response, or null if incomplete. */
  private static byte[] nextRequest(Conn c) {
    ByteBuffer b = c.in;
    int limit = b.position();
    byte[] a = b.array();
    int headerEnd = indexOf(a, 0, limit, Payloads.CRLFCRLF);
    if (headerEnd < 0) {
      return null;
    }
    int bodyStart = headerEnd + 4;
    long contentLength = 0;
    boolean chunked = false;
    int lineStart = indexOf(a, 0, headerEnd, Payloads.CRLF) + 2;
    while (lineStart > 1 && lineStart < headerEnd) {
      int lineEnd = indexOf(a, lineStart, headerEnd + 2, Payloads.CRLF);
      String line = new String(a, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
      int colon = line.indexOf(':');
      if (colon > 0) {
        String name = line.substring(0, colon).trim();
        if (name.equalsIgnoreCase("content-length")) {
          contentLength = Long.parseLong(line.substring(colon + 1).trim());
        } else if (name.equalsIgnoreCase("transfer-encoding")) {
          chunked = true;
        }
      }
      lineStart = lineEnd + 2;
    }
    if (chunked) {
      compact(c, limit, limit);
      return BAD_REQUEST;
    }
    if (limit - bodyStart < contentLength) {
      return null;
    }
    int bodyEnd = bodyStart + (int) contentLength;
    byte[] response;
    if (startsWith(a, 0, "POST ") && indexOf(a, 0, headerEnd, Payloads.EMBEDDINGS_PATH) >= 0) {
      response = EMBEDDINGS;
    } else if (!startsWith(a, 0, "POST ") || indexOf(a, 0, headerEnd, Payloads.CHAT_PATH) < 0) {
      response = NOT_FOUND;
    } else {
      response = wantsStream(a, bodyStart, bodyEnd) ? STREAM : CHAT;
    }
    compact(c, bodyEnd, limit);
    return response;
  }

  private static void compact(Conn c, int consumed, int limit) {
    ByteBuffer b = c.in;
    System.arraycopy(b.array(), consumed, b.array(), 0, limit - consumed);
    b.position(limit - consumed);
  }

  /** True if the JSON body contains {@code "stream"}, optional whitespace, {@code :}, whitespace, {@code true}. */
  static boolean wantsStream(byte[] a, int from, int to) {
    int i = indexOf(a, from, to, Payloads.STREAM_KEY);
    if (i < 0) {
      return false;
    }
    int j = i + Payloads.STREAM_KEY.length;
    while (j < to && (a[j] == ' ' || a[j] == ':' || a[j] == '\t' || a[j] == '\n' || a[j] == '\r')) {
      j++;
    }
    return j + 4 <= to && a[j] == 't' && a[j + 1] == 'r' && a[j + 2] == 'u' && a[j + 3] == 'e';
  }

  private void flush(SelectionKey key, Conn c) throws IOException {
    while (!c.out.isEmpty()) {
      ByteBuffer head = c.out.peek();
      c.ch.write(head);
      if (head.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        return;
      }
      c.out.poll();
    }
    key.interestOps(SelectionKey.OP_READ);
  }

  private static void closeQuietly(SelectionKey key) {
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  private static boolean startsWith(byte[] a, int from, String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      if (a[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(byte[] a, int from, int to, byte[] needle) {
    outer:
    for (int i = from; i <= to - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (a[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

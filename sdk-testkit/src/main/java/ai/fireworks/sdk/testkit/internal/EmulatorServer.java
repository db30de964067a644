package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP side: a JDK {@link HttpServer} on 127.0.0.1 with a fixed pool of handler threads,
 * journaling every request, applying injected faults, and writing {@link Reply}s (JSON or
 * server-sent events) with an {@code x-request-id} header.
 */
public final class EmulatorServer implements AutoCloseable {
  static {
    // Before anything here loads com.sun.net.httpserver's implementation.
    NoDelay.configure();
  }

  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk.testkit");
  private static final byte[] PROBE_BODY = "ok".getBytes(StandardCharsets.US_ASCII);

  private final Api api;
  private final JournalStore journal;
  private final FaultRegistry faults;
  private final ObjectMapper mapper;
  private final Supplier<Instant> clock;
  private final CountDownLatch closing = new CountDownLatch(1);
  private HttpServer server;
  private ExecutorService pool;

  public EmulatorServer(Api api, JournalStore journal, FaultRegistry faults, ObjectMapper mapper, Supplier<Instant> clock) {
    this.api = api;
    this.journal = journal;
    this.faults = faults;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Binds 127.0.0.1:{@code port} (0 for a free port) and starts serving.
   *
   * @throws IOException if the port cannot be bound
   */
  public void start(int port, int threads) throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
    server = HttpServer.create(address, 1024);
    server.createContext("/", this::handle);
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "fireworks-emulator-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    executor.allowCoreThreadTimeOut(true);
    pool = executor;
    server.setExecutor(pool);
    // The server's dispatcher thread inherits daemon status from the thread that starts it: start
    // it from a daemon thread so a forgotten close() never keeps the JVM alive.
    Thread starter = new Thread(server::start, "fireworks-emulator-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the emulator", e);
    }
    NoDelay.measure(server.getAddress());
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    if (closing.getCount() == 0) {
      return;
    }
    closing.countDown();
    if (server != null) {
      server.stop(0);
    }
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private void handle(HttpExchange ex) {
    try {
      URI uri = ex.getRequestURI();
      String rawPath = uri.getRawPath() == null ? "/" : uri.getRawPath();
      if (rawPath.equals(NoDelay.PROBE_PATH)) {
        ex.sendResponseHeaders(200, PROBE_BODY.length);
        ex.getResponseBody().write(PROBE_BODY);
        return;
      }
      byte[] body = ex.getRequestBody().readAllBytes();
      String requestId = requestId();
      Map<String, List<String>> headers = headers(ex.getRequestHeaders());
      JournalStore.Entry entry = journal.record(ex.getRequestMethod(), rawPath, uri.getRawQuery(),
          redacted(headers), body, clock.get(), requestId);
      boolean inference = Api.isInference(rawPath);
      FaultSpec fault = faults.match(entry);
      Reply reply = null;
      if (fault != null) {
        entry.fault(fault.description());
        if (fault.kind == FaultSpec.Kind.DROP) {
          entry.status(-1);
          return; // closing the exchange before any response closes the connection
        }
        if (fault.kind == FaultSpec.Kind.DELAY && pause(fault.duration)) {
          return;
        }
        if (fault.kind == FaultSpec.Kind.STATUS) {
          ApiError injected = ApiError.of(fault.status, RpcCode.forHttpStatus(fault.status), fault.message);
          fault.headers.forEach(injected::header);
          reply = errorReply(injected, inference);
        }
      }
      if (reply == null) {
        try {
          reply = api.handle(ex.getRequestMethod(), rawPath, uri.getRawQuery(), headers, body);
        } catch (ApiError e) {
          reply = errorReply(e, inference);
        } catch (RuntimeException bug) {
          LOG.log(System.Logger.Level.ERROR, "emulator failed on " + ex.getRequestMethod() + " " + rawPath, bug);
          reply = errorReply(ApiError.of(RpcCode.INTERNAL, "emulator error: " + bug), inference);
        }
      }
      write(ex, reply, fault, entry, requestId);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "exchange ended early", e);
    } finally {
      ex.close();
    }
  }

  private Reply errorReply(ApiError e, boolean inference) {
    Reply r = Reply.json(e.httpStatus(), inference ? e.inferenceBody() : e.controlPlaneBody());
    e.headers().forEach(r::header);
    return r;
  }

  private void write(HttpExchange ex, Reply reply, FaultSpec fault, JournalStore.Entry entry, String requestId)
      throws IOException {
    Headers h = ex.getResponseHeaders();
    h.set("x-request-id", requestId);
    reply.headers.forEach(h::set);
    boolean keepAlive = NoDelay.keepAliveSafe();
    if (!keepAlive) {
      h.set("Connection", "close");
    }
    FaultSpec.Kind kind = fault == null ? null : fault.kind;
    entry.status(reply.status);
    OutputStream out = ex.getResponseBody();
    if (reply.events == null) {
      byte[] bytes = mapper.writeValueAsBytes(reply.json);
      h.set("Content-Type", "application/json");
      ex.sendResponseHeaders(reply.status, bytes.length);
      if (kind == FaultSpec.Kind.SLOW_BODY) {
        int step = Math.max(1, (bytes.length + 3) / 4);
        for (int i = 0; i < bytes.length; i += step) {
          if (i > 0 && pause(fault.duration)) {
            return;
          }
          out.write(bytes, i, Math.min(step, bytes.length - i));
          out.flush();
        }
      } else if (kind == FaultSpec.Kind.STALL_BODY || kind == FaultSpec.Kind.TRUNCATE) {
        int half = bytes.length / 2;
        out.write(bytes, 0, half);
        out.flush();
        if (kind == FaultSpec.Kind.TRUNCATE || pause(fault.duration)) {
          throw new IOException("injected fault: body cut short"); // aborts the connection
        }
        out.write(bytes, half, bytes.length - half);
      } else {
        out.write(bytes);
      }
      return;
    }
    h.set("Content-Type", "text/event-stream");
    h.set("Cache-Control", "no-cache");
    ex.sendResponseHeaders(200, 0);
    for (int i = 0; i < reply.events.size(); i++) {
      if (kind == FaultSpec.Kind.TRUNCATE && i >= fault.count) {
        return; // the stream ends cleanly, without [DONE]
      }
      if (i > 0 && (kind == FaultSpec.Kind.SLOW_BODY || (kind == FaultSpec.Kind.STALL_BODY && i == 1))
          && pause(fault.duration)) {
        return;
      }
      out.write(("data: " + reply.events.get(i) + "\n\n").getBytes(StandardCharsets.UTF_8));
      if (keepAlive || kind != null) {
        out.flush(); // with Nagle on, flushing each event would cost ~40 ms per event
      }
    }
  }

  /** Waits, unless the emulator is closing. @return true if it is closing */
  private boolean pause(Duration d) {
    try {
      return closing.await(d.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static Map<String, List<String>> headers(Headers raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    raw.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    return out;
  }

  private static Map<String, List<String>> redacted(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>(headers);
    List<String> auth = out.get("authorization");
    if (auth != null) {
      List<String> masked = new ArrayList<>();
      for (String v : auth) {
        int space = v.indexOf(' ');
        masked.add(space > 0 ? v.substring(0, space) + " <redacted>" : "<redacted>");
      }
      out.put("authorization", List.copyOf(masked));
    }
    return out;
  }

  private static String requestId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
  }
}

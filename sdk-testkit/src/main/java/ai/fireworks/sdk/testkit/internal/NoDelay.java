package ai.fireworks.sdk.testkit.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Keeps the JDK HttpServer out of its slow mode. It writes response headers and body as two TCP
 * segments; with Nagle's algorithm on, the second waits for the client's delayed ACK, about
 * 40 ms on every keep-alive request. The server turns Nagle off only if the system property
 * {@code sun.net.httpserver.nodelay} is {@code true} when its configuration class
 * ({@code sun.net.httpserver.ServerConfig}) initialises, which happens once per JVM, when the
 * first server is created, and reads all its properties at that moment.
 *
 * <p>So this class, in its static initializer (which runs before the emulator touches
 * {@code com.sun.net.httpserver}), sets that property, and also sets a canary,
 * {@code sun.net.httpserver.maxReqHeaders=1000} (default 200). Once the first emulator is up,
 * {@link #measure} sends it one request with 250 headers: if the server accepts it, the
 * configuration was read after our properties were set, so TCP_NODELAY is on. If it refuses, the
 * HttpServer was initialised earlier by other code; unless {@code nodelay} was already
 * {@code true} then, the emulator falls back to answering with {@code Connection: close} (a FIN
 * pushes the held-back segment out at once, at the cost of a new loopback connection per request)
 * and logs a warning naming the fix, {@code -Dsun.net.httpserver.nodelay=true}. If the user set
 * {@code maxReqHeaders} themselves there is no canary, and a timing probe decides instead.
 */
public final class NoDelay {
  public static final String PROPERTY = "sun.net.httpserver.nodelay";
  static final String CANARY_PROPERTY = "sun.net.httpserver.maxReqHeaders";
  static final String CANARY_VALUE = "1000";
  /** Served by every emulator without authentication; never journaled. */
  public static final String PROBE_PATH = "/__emulator/nodelay-probe";
  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk.testkit");
  /** A keep-alive round trip faster than this on loopback means Nagle is off (with it, ~40 ms). */
  private static final long FAST_NANOS = 20_000_000L;
  private static final String INITIAL_VALUE;
  private static final boolean CANARY_SET;
  private static volatile Boolean keepAliveSafe;

  static {
    String v = null;
    boolean canary = false;
    try {
      v = System.getProperty(PROPERTY);
      if (v == null) {
        System.setProperty(PROPERTY, "true");
      }
      if (System.getProperty(CANARY_PROPERTY) == null) {
        System.setProperty(CANARY_PROPERTY, CANARY_VALUE);
        canary = true;
      }
    } catch (SecurityException e) {
      // No permission: the timing probe decides.
    }
    INITIAL_VALUE = v;
    CANARY_SET = canary;
  }

  private NoDelay() {}

  /** Runs the static initializer; call before the first use of {@code com.sun.net.httpserver}. */
  public static void configure() {
    // the work is in the static initializer
  }

  /** False once a check showed Nagle's algorithm is on; responses must then close the connection. */
  public static boolean keepAliveSafe() {
    Boolean b = keepAliveSafe;
    return b == null || b;
  }

  /** Checks, once per JVM, against a running emulator whether TCP_NODELAY took effect. */
  public static synchronized void measure(InetSocketAddress server) {
    if (keepAliveSafe != null) {
      return;
    }
    boolean preset = "true".equalsIgnoreCase(INITIAL_VALUE);
    String how;
    if (CANARY_SET) {
      boolean fresh = acceptsManyHeaders(server);
      keepAliveSafe = fresh || preset;
      how = fresh ? "configuration read after the emulator set the property"
          : "the HttpServer configuration was read before the emulator could set the property";
      try {
        if (CANARY_VALUE.equals(System.getProperty(CANARY_PROPERTY))) {
          System.clearProperty(CANARY_PROPERTY); // read already; leave no trace
        }
      } catch (SecurityException e) {
        // harmless
      }
    } else {
      long best = bestRoundTrip(server);
      keepAliveSafe = best < FAST_NANOS;
      how = "best keep-alive round trip " + best / 1_000_000 + " ms";
    }
    if (keepAliveSafe) {
      LOG.log(System.Logger.Level.DEBUG, () -> "TCP_NODELAY in effect for the emulator (" + how + ")");
    } else {
      LOG.log(System.Logger.Level.WARNING, "The JDK HttpServer was initialised in this JVM before the Fireworks emulator "
          + "could set -D" + PROPERTY + "=true (" + how + "); keep-alive responses would wait ~40 ms each for "
          + "Nagle's algorithm, so the emulator closes the connection after each response instead. Start the JVM "
          + "with -D" + PROPERTY + "=true to avoid this.");
    }
  }

  /** True if the server accepts a request with more headers than its default limit of 200. */
  private static boolean acceptsManyHeaders(InetSocketAddress server) {
    StringBuilder request = new StringBuilder("GET " + PROBE_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (int i = 0; i < 250; i++) {
      request.append("X-Probe-").append(i).append(": 1\r\n");
    }
    request.append("\r\n");
    try (Socket s = connect(server)) {
      s.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return readResponse(new BufferedInputStream(s.getInputStream()));
    } catch (IOException e) {
      return false; // refused: the server closes the connection without answering
    }
  }

  /** The fastest of several keep-alive round trips after the first, in nanoseconds. */
  private static long bestRoundTrip(InetSocketAddress server) {
    long best = Long.MAX_VALUE;
    byte[] request = ("GET " + PROBE_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    try (Socket s = connect(server)) {
      OutputStream out = s.getOutputStream();
      InputStream in = new BufferedInputStream(s.getInputStream());
      for (int i = 0; i < 8 && best >= FAST_NANOS; i++) {
        long start = System.nanoTime();
        out.write(request);
        out.flush();
        if (!readResponse(in)) {
          break;
        }
        if (i > 0) {
          best = Math.min(best, System.nanoTime() - start);
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "keep-alive probe failed; assuming TCP_NODELAY is in effect", e);
      return 0;
    }
    return best;
  }

  private static Socket connect(InetSocketAddress server) throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(server, 2000);
    s.setSoTimeout(2000);
    return s;
  }

  /** Reads one response; true if its status is 200. */
  private static boolean readResponse(InputStream in) throws IOException {
    String status = readLine(in);
    int length = 0;
    String line;
    while (!(line = readLine(in)).isEmpty()) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    if (in.readNBytes(length).length != length) {
      throw new IOException("probe response truncated");
    }
    return status.startsWith("HTTP/1.1 200");
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) != '\n') {
      if (c == -1) {
        throw new IOException("connection closed during probe");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }
}

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
 * first server is created.
 *
 * <p>So this class (1) sets the property in its static initializer, which runs before the
 * emulator touches {@code com.sun.net.httpserver}, and (2) checks by measurement, once per JVM,
 * that the setting took: if some other code started an HttpServer earlier without it, the
 * measured keep-alive round trip is ~40 ms instead of well under a millisecond, and the emulator
 * falls back to answering with {@code Connection: close}, which makes the kernel send the body
 * at once (a FIN pushes pending data out) at the cost of a new loopback connection per request.
 * A warning names the fix: {@code -Dsun.net.httpserver.nodelay=true}.
 */
public final class NoDelay {
  public static final String PROPERTY = "sun.net.httpserver.nodelay";
  /** Served by every emulator without authentication; never journaled. */
  public static final String PROBE_PATH = "/__emulator/nodelay-probe";
  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk.testkit");
  /** A keep-alive round trip slower than this on loopback means Nagle is on (it costs ~40 ms). */
  private static final long SLOW_NANOS = 20_000_000L;
  private static final String INITIAL_VALUE;
  private static volatile Boolean keepAliveSafe;

  static {
    String v = null;
    try {
      v = System.getProperty(PROPERTY);
      if (v == null) {
        System.setProperty(PROPERTY, "true");
      }
    } catch (SecurityException e) {
      // No permission to set it: the measurement below decides.
    }
    INITIAL_VALUE = v;
  }

  private NoDelay() {}

  /** Runs the static initializer; call before the first use of {@code com.sun.net.httpserver}. */
  public static void configure() {
    // the work is in the static initializer
  }

  /** False once a measurement showed Nagle's algorithm is on; responses must then close the connection. */
  public static boolean keepAliveSafe() {
    Boolean b = keepAliveSafe;
    return b == null || b;
  }

  /** True once this JVM's mode has been measured. */
  public static boolean measured() {
    return keepAliveSafe != null;
  }

  /**
   * Measures keep-alive round trips against a running emulator, once per JVM. Takes about a
   * millisecond when all is well, about 130 ms when Nagle is on.
   */
  public static synchronized void measure(InetSocketAddress server) {
    if (keepAliveSafe != null) {
      return;
    }
    long best = Long.MAX_VALUE;
    try (Socket s = new Socket()) {
      s.setTcpNoDelay(true);
      s.connect(server, 2000);
      s.setSoTimeout(2000);
      OutputStream out = s.getOutputStream();
      InputStream in = new BufferedInputStream(s.getInputStream());
      byte[] request = ("GET " + PROBE_PATH + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 4; i++) {
        long start = System.nanoTime();
        out.write(request);
        out.flush();
        readResponse(in);
        if (i > 0) {
          best = Math.min(best, System.nanoTime() - start);
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "keep-alive probe failed; assuming TCP_NODELAY is in effect", e);
      keepAliveSafe = true;
      return;
    }
    keepAliveSafe = best < SLOW_NANOS;
    if (!keepAliveSafe) {
      LOG.log(System.Logger.Level.WARNING, "The JDK HttpServer was initialised in this JVM before the Fireworks emulator "
          + "could set -D" + PROPERTY + "=true (initial value: " + INITIAL_VALUE + "); keep-alive responses would wait "
          + "~40 ms each for Nagle's algorithm (measured " + best / 1_000_000 + " ms). The emulator now closes the "
          + "connection after each response instead. Start the JVM with -D" + PROPERTY + "=true to avoid this.");
    }
  }

  private static void readResponse(InputStream in) throws IOException {
    int length = 0;
    readLine(in); // status line
    String line;
    while (!(line = readLine(in)).isEmpty()) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    if (in.readNBytes(length).length != length) {
      throw new IOException("probe response truncated");
    }
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

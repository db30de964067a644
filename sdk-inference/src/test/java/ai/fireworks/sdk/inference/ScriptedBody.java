package ai.fireworks.sdk.inference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A streamed response body written step by step by the server thread: send some text (flushed),
 * wait for the test to release a latch, or keep sending until the client goes away. Records whether a write failed because the client closed the connection.
 */
final class ScriptedBody implements MockResponseBody {
  private interface Step {
    void run(BufferedSink sink) throws IOException, InterruptedException;
  }

  private final List<Step> steps = new ArrayList<>();
  final CountDownLatch clientWentAway = new CountDownLatch(1);
  final CountDownLatch finished = new CountDownLatch(1);

  /** Writes and flushes {@code text}. */
  ScriptedBody send(String text) {
    steps.add(sink -> {
      sink.writeUtf8(text);
      sink.flush();
    });
    return this;
  }

  /** Blocks the server until {@code latch} opens (at most 10 s). */
  ScriptedBody await(CountDownLatch latch) {
    steps.add(sink -> latch.await(10, TimeUnit.SECONDS));
    return this;
  }

  /**
   * Sends SSE comments until a write fails because the client closed the connection (writes block
   * once the socket buffers are full, so this waits for the client without polling).
   */
  ScriptedBody keepAliveUntilClientLeaves() {
    steps.add(sink -> {
      while (true) {
        sink.writeUtf8(": keep-alive\n\n");
        sink.flush();
      }
    });
    return this;
  }

  MockResponse response() {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
        .setHeader("x-request-id", "req-scripted").body(this).build();
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    try {
      for (Step s : steps) {
        s.run(sink);
      }
    } catch (IOException e) {
      clientWentAway.countDown();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      finished.countDown();
    }
  }
}

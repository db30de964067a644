package ai.fireworks.sdk.core.internal;

import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A successful response whose body is read as it arrives; closing it closes the connection's exchange. */
public final class StreamingResponse implements AutoCloseable {
  private final int status;
  private final HttpHeaders headers;
  private final InputStream body;
  private final UnaryOperator<String> redactor;

  StreamingResponse(int status, HttpHeaders headers, InputStream body, UnaryOperator<String> redactor) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.redactor = redactor;
  }

  public int status() {
    return status;
  }

  public HttpHeaders headers() {
    return headers;
  }

  /** The body; reads fail with {@link java.net.http.HttpTimeoutException} after the idle timeout. */
  public InputStream body() {
    return body;
  }

  /**
   * {@code text} (from this body, e.g. an error event) with the client's API key masked, for
   * exception messages: servers sometimes echo the credential.
   */
  public String redact(String text) {
    return redactor.apply(text);
  }

  public Optional<String> requestId() {
    return ApiResponse.requestId(headers.map());
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (java.io.IOException ignored) {
      // closing only cancels the exchange; nothing to report
    }
  }
}

package ai.fireworks.sdk.spring.internal;

/**
 * Something the starter runs needs the Fireworks client, which exists only when an API key is
 * configured; {@link MissingApiKeyFailureAnalyzer} turns it into advice. The message never holds a key.
 */
final class MissingApiKeyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  MissingApiKeyException(String what) {
    super(what + " but no Fireworks client exists: fireworks.api-key (FIREWORKS_API_KEY) is not set");
  }
}

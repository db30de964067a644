package ai.fireworks.sdk.examples.fwctl;

/** Bad input found by fwctl itself, before any request: exit status 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}

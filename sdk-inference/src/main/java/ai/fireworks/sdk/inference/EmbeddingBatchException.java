package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.FireworksException;

/**
 * One batch of an {@link EmbeddingsClient#embedAll} call failed, so the whole call failed: names
 * the range of inputs {@code [fromIndex, toIndex)} the batch held; the cause is the batch's own
 * failure (for example an {@code ApiException} with the status and request id). Immutable.
 */
public class EmbeddingBatchException extends FireworksException {
  private static final long serialVersionUID = 1L;

  private final int fromIndex;
  private final int toIndex;
  private final int totalInputs;

  /** Creates the exception for the batch of inputs {@code [fromIndex, toIndex)} of {@code totalInputs}. */
  public EmbeddingBatchException(int fromIndex, int toIndex, int totalInputs, Throwable cause) {
    super("embedding batch of inputs [" + fromIndex + ", " + toIndex + ") of " + totalInputs + " failed: "
        + cause.getMessage(), cause);
    this.fromIndex = fromIndex;
    this.toIndex = toIndex;
    this.totalInputs = totalInputs;
  }

  /** Index of the batch's first input in the caller's list. */
  public int fromIndex() {
    return fromIndex;
  }

  /** Index just after the batch's last input. */
  public int toIndex() {
    return toIndex;
  }

  /** Number of inputs of the whole call. */
  public int totalInputs() {
    return totalInputs;
  }
}

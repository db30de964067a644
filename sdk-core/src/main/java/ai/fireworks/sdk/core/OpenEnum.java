package ai.fireworks.sdk.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Base of the SDK's "open" enumerations: values the server may extend (states, accelerator types,
 * precisions, regions). An unknown string parses to a value that keeps the string and reports
 * {@link #isKnown()} false; it never throws. Immutable; thread-safe.
 */
public abstract class OpenEnum {
  private final String value;
  private final boolean known;

  /** For subclasses; see {@link Values}. */
  protected OpenEnum(String value, boolean known) {
    this.value = Objects.requireNonNull(value, "value");
    this.known = known;
  }

  /** The wire string, such as {@code READY}. */
  @JsonValue
  public final String value() {
    return value;
  }

  /** True if this SDK version knows the value; false for values the server added since. */
  public final boolean isKnown() {
    return known;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((OpenEnum) o).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** The wire string. */
  @Override
  public final String toString() {
    return value;
  }

  /**
   * The known values of one open enumeration and the factory for unknown ones.
   *
   * @param <T> the enumeration type
   */
  protected static final class Values<T extends OpenEnum> {
    private final Map<String, T> known = new ConcurrentHashMap<>();
    private final BiFunction<String, Boolean, T> factory;

    /** @param factory creates a value from its string and whether it is known */
    public Values(BiFunction<String, Boolean, T> factory) {
      this.factory = factory;
    }

    /** Registers and returns a known value. */
    public T known(String value) {
      T t = factory.apply(value, true);
      known.put(value, t);
      return t;
    }

    /** Returns the known value for {@code value}, or a new unknown one that keeps the string. */
    public T of(String value) {
      T t = known.get(Objects.requireNonNull(value, "value"));
      return t != null ? t : factory.apply(value, false);
    }
  }
}

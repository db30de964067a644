package ai.fireworks.sdk.examples.fwctl;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every runnable fwctl command: access to the global options, the session and the output. */
abstract class FwctlCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** The root command, which holds the global options and the session. */
  final Fwctl root() {
    return (Fwctl) spec.root().userObject();
  }

  @Override
  public final Integer call() throws Exception {
    return root().runCommand(this::execute);
  }

  /** Passes an optional flag's {@code value} to {@code setter} if the flag was given (is not {@code null}). */
  static <T> void ifGiven(T value, Consumer<? super T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /** Runs the command; returns the exit status. Exceptions are mapped by {@link Errors}. */
  abstract int execute() throws Exception;
}

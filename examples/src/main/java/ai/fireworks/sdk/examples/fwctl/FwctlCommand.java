package ai.fireworks.sdk.examples.fwctl;

import java.util.concurrent.Callable;
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

  /** Runs the command; returns the exit status. Exceptions are mapped by {@link Errors}. */
  abstract int execute() throws Exception;
}

package ai.fireworks.sdk.examples.fwctl;

import picocli.CommandLine.Command;

/** Placeholder until the testkit lands. */
@Command(name = "emulator", mixinStandardHelpOptions = true, description = "Run the embedded Fireworks emulator.")
final class EmulatorCommand extends FwctlCommand {
  @Override
  int execute() {
    return Errors.OK;
  }
}

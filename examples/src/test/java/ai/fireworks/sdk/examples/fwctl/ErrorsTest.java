package ai.fireworks.sdk.examples.fwctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** How an SDK refusal is put in the terms of the flags the user typed. */
class ErrorsTest {
  @Command(name = "probe")
  static final class Probe {
    @Option(names = "--region")
    String region;

    @Option(names = {"-c", "--accelerator-count"})
    Integer acceleratorCount;

    @Option(names = "--precision")
    String precision;
  }

  private static CommandLine.ParseResult given(String... args) {
    return new CommandLine(new Probe()).parseArgs(args);
  }

  @Test
  void fieldsOfGivenFlagsAreNamedAsTheFlagsWhereverTheyStandAlone() {
    assertEquals("--accelerator-count must be at least 1, was 0; see --accelerator-count.",
        Errors.inFlagTerms("acceleratorCount must be at least 1, was 0; see acceleratorCount.", given("-c", "0")));
  }

  @Test
  void nestedFieldsLongerNamesAndFlagsNotGivenAreLeftAlone() {
    String message = "placement.region must not be REGION_UNSPECIFIED; region.x, regions and precision are other fields";

    assertEquals(message, Errors.inFlagTerms(message, given("--region", "REGION_UNSPECIFIED")));
    assertEquals("placement.region must not be REGION_UNSPECIFIED; region.x, regions and --precision are other fields",
        Errors.inFlagTerms(message, given("--precision", "FP8")));
  }
}

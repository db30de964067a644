package ai.fireworks.sdk.examples.fwctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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

    @Option(names = "--image")
    List<String> images;
  }

  private static CommandLine.ParseResult given(String... args) {
    return new CommandLine(new Probe()).parseArgs(args);
  }

  @Test
  void aMessageAboutTheFieldOfAGivenFlagNamesEveryGivenFlagInstead() {
    assertEquals("--accelerator-count must be at least 1, was 0; leave --accelerator-count unset, or set --region.",
        Errors.inFlagTerms("acceleratorCount must be at least 1, was 0; leave acceleratorCount unset, or set region.",
            given("-c", "0", "--region", "US")));
  }

  @Test
  void nestedOrLongerNamesAreLeftAlone() {
    assertEquals("--region must not be X; placement.region, region.x and regions are other fields",
        Errors.inFlagTerms("region must not be X; placement.region, region.x and regions are other fields",
            given("--region", "X")));
  }

  @Test
  void aMessageThatDoesNotStartWithTheFieldOfAGivenFlagIsLeftAlone() {
    String nested = "placement.region must not be REGION_UNSPECIFIED";
    String prose = "unsupported image format: x.webp is not png";

    assertEquals(nested, Errors.inFlagTerms(nested, given("--region", "REGION_UNSPECIFIED")));
    assertEquals(prose, Errors.inFlagTerms(prose, given("--image", "x.webp")));
    assertEquals("acceleratorCount must be at least 1", Errors.inFlagTerms("acceleratorCount must be at least 1",
        given("--region", "US")));
  }
}

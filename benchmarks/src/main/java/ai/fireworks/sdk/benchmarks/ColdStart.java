package ai.fireworks.sdk.benchmarks;

import java.io.IOException;

/**
 * The child process of the cold-start measurement: creates one contender, completes one chat
 * request, prints {@code DONE}, then waits for its stdin to close so that the parent can read
 * its CPU time while it is still alive: {@code ColdStart <contender> <baseUrl>}. Nothing else is
 * loaded or warmed up first.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws IOException {
    Contender c = Contender.create(args[0], args[1]);
    Contender.check(c.chat());
    System.out.println("DONE");
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the parent
    }
    c.close();
    System.exit(0);
  }
}

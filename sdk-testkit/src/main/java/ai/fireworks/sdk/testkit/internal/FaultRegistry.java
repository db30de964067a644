package ai.fireworks.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Pending faults in the order they were injected; the first that matches a request applies. Thread-safe. */
public final class FaultRegistry {
  private final List<FaultSpec> faults = new ArrayList<>();

  public synchronized void add(FaultSpec f) {
    faults.add(f);
  }

  public synchronized void clear() {
    faults.clear();
  }

  /** Faults not yet used up. */
  public synchronized List<FaultSpec> pending() {
    faults.removeIf(FaultSpec::usedUp);
    return new ArrayList<>(faults);
  }

  synchronized FaultSpec match(JournalStore.Entry e) {
    for (Iterator<FaultSpec> it = faults.iterator(); it.hasNext(); ) {
      FaultSpec f = it.next();
      if (f.claim(e)) {
        if (f.usedUp()) {
          it.remove();
        }
        return f;
      }
    }
    return null;
  }
}

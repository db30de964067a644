package ai.fireworks.sdk.testkit;

import ai.fireworks.sdk.testkit.internal.JournalStore;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The requests an emulator received, oldest first (the last 200 000 are kept). Every request is
 * recorded as it arrives, before it is answered, so a client call that has returned is always
 * in the journal. Thread-safe; every method returns a snapshot.
 */
public final class Journal {
  private final JournalStore store;

  Journal(JournalStore store) {
    this.store = store;
  }

  /** Every recorded request. */
  public List<RecordedRequest> requests() {
    return store.snapshot().stream().map(RecordedRequest::new).collect(Collectors.toUnmodifiableList());
  }

  /** The recorded requests {@code filter} accepts. */
  public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
    Objects.requireNonNull(filter, "filter");
    return requests().stream().filter(filter).collect(Collectors.toUnmodifiableList());
  }

  /** The requests with this method and a raw path starting with {@code pathPrefix}. */
  public List<RecordedRequest> requests(String method, String pathPrefix) {
    return requests(r -> r.method().equalsIgnoreCase(method) && r.path().startsWith(pathPrefix));
  }

  /**
   * The most recent request.
   *
   * @throws NoSuchElementException if none was received
   */
  public RecordedRequest last() {
    List<JournalStore.Entry> all = store.snapshot();
    if (all.isEmpty()) {
      throw new NoSuchElementException("the emulator has received no request");
    }
    return new RecordedRequest(all.get(all.size() - 1));
  }

  /** Number of recorded requests. */
  public int size() {
    return store.size();
  }

  /** Forgets every recorded request. */
  public void clear() {
    store.clear();
  }

  @Override
  public String toString() {
    return "Journal{" + size() + " requests}";
  }
}

package ai.fireworks.sdk.core;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a list, with the means to fetch the next. {@link #autoPager()} walks every item of
 * every page, fetching pages lazily as iteration reaches them (each fetch is a blocking call).
 * Immutable; thread-safe, though iterators are not.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final String nextPageToken;
  private final Integer totalSize;
  private final Function<String, Page<T>> fetchNext;

  private Page(List<T> items, String nextPageToken, Integer totalSize, Function<String, Page<T>> fetchNext) {
    this.items = List.copyOf(items);
    this.nextPageToken = nextPageToken == null || nextPageToken.isEmpty() ? null : nextPageToken;
    this.totalSize = totalSize;
    this.fetchNext = fetchNext;
  }

  /**
   * Creates a page. An empty or null {@code nextPageToken} marks the last page.
   *
   * @param fetchNext fetches the page for a token, with every other list parameter unchanged
   */
  public static <T> Page<T> of(List<T> items, String nextPageToken, Integer totalSize,
      Function<String, Page<T>> fetchNext) {
    return new Page<>(items, nextPageToken, totalSize, Objects.requireNonNull(fetchNext, "fetchNext"));
  }

  /** The items of this page only. */
  public List<T> items() {
    return items;
  }

  /** The opaque token of the next page; empty on the last page. */
  public Optional<String> nextPageToken() {
    return Optional.ofNullable(nextPageToken);
  }

  /** The total number of items across pages, when the server reports it. */
  public OptionalInt totalSize() {
    return totalSize == null ? OptionalInt.empty() : OptionalInt.of(totalSize);
  }

  /** True unless this is the last page. */
  public boolean hasNextPage() {
    return nextPageToken != null;
  }

  /**
   * Fetches the next page (a blocking call).
   *
   * @throws NoSuchElementException on the last page
   * @throws FireworksException if the request fails
   */
  public Page<T> nextPage() {
    if (nextPageToken == null) {
      throw new NoSuchElementException("this is the last page");
    }
    return fetchNext.apply(nextPageToken);
  }

  /** Every item of this page and the following ones, fetched lazily. */
  public Iterable<T> autoPager() {
    return () -> new Iterator<>() {
      private Page<T> page = Page.this;
      private Iterator<T> it = page.items.iterator();

      @Override
      public boolean hasNext() {
        while (!it.hasNext() && page.hasNextPage()) {
          page = page.nextPage();
          it = page.items.iterator();
        }
        return it.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return it.next();
      }
    };
  }

  /** {@link #autoPager()} as a sequential stream. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(autoPager().iterator(), Spliterator.ORDERED), false);
  }
}

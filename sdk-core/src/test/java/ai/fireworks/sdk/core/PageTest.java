package ai.fireworks.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pagination over nextPageToken. */
class PageTest {
  /** A fake server: pages keyed by token ("" = first page), recording every token fetched. */
  private final List<String> fetched = new ArrayList<>();
  private final Map<String, Page<String>> pages = new java.util.HashMap<>();

  private Function<String, Page<String>> fetch() {
    return token -> {
      fetched.add(token);
      return pages.get(token);
    };
  }

  @Test
  void autoPagerFollowsTokensToTheEnd() {
    pages.put("t2", Page.of(List.of("c", "d"), "t3", 5, fetch()));
    pages.put("t3", Page.of(List.of("e"), "", 5, fetch()));
    Page<String> first = Page.of(List.of("a", "b"), "t2", 5, fetch());

    List<String> all = new ArrayList<>();
    first.autoPager().forEach(all::add);

    assertEquals(List.of("a", "b", "c", "d", "e"), all);
    assertEquals(List.of("t2", "t3"), fetched);
  }

  @Test
  void emptyOrNullTokenEndsThePaging() {
    Page<String> emptyToken = Page.of(List.of("a"), "", null, fetch());
    Page<String> nullToken = Page.of(List.of("a"), null, null, fetch());

    assertFalse(emptyToken.hasNextPage());
    assertFalse(nullToken.nextPageToken().isPresent());
    assertEquals(List.of("a"), emptyToken.stream().collect(Collectors.toList()));
    assertEquals(List.of("a"), nullToken.stream().collect(Collectors.toList()));
    assertEquals(List.of(), fetched);
    assertThrows(NoSuchElementException.class, emptyToken::nextPage);
  }

  @Test
  void emptyPagesInTheMiddleAreSkipped() {
    pages.put("t2", Page.of(List.of(), "t3", null, fetch()));
    pages.put("t3", Page.of(List.of("z"), null, null, fetch()));

    List<String> all = Page.of(List.<String>of(), "t2", null, fetch()).stream().collect(Collectors.toList());

    assertEquals(List.of("z"), all);
  }

  @Test
  void pagesAreFetchedLazily() {
    pages.put("t2", Page.of(List.of("c"), null, null, fetch()));
    Iterator<String> it = Page.of(List.of("a", "b"), "t2", null, fetch()).autoPager().iterator();

    assertEquals("a", it.next());
    assertEquals("b", it.next());
    assertEquals(List.of(), fetched, "no fetch until the first page is used up");
    assertTrue(it.hasNext());
    assertEquals(List.of("t2"), fetched);
    assertEquals("c", it.next());
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void totalSizeIsOptional() {
    assertEquals(OptionalInt.of(5), Page.of(List.of(), null, 5, fetch()).totalSize());
    assertEquals(OptionalInt.empty(), Page.of(List.of(), null, null, fetch()).totalSize());
  }

  @Test
  void itemsAreACopy() {
    List<String> items = new ArrayList<>(List.of("a"));
    Page<String> page = Page.of(items, null, null, fetch());
    items.add("b");

    assertEquals(List.of("a"), page.items());
    assertThrows(UnsupportedOperationException.class, () -> page.items().add("c"));
  }
}

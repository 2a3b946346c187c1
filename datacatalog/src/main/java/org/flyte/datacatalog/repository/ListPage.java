package org.flyte.datacatalog.repository;

import java.util.Map;

/**
 * Which page of a listing: {@code limit} rows from {@code offset}, by creation time.
 *
 * @param ascending oldest first; Flyte's default is newest first
 */
public record ListPage(int offset, int limit, boolean ascending) {

  /**
   * The page's {@code ORDER BY} (the creation time column, then {@code tieBreak}, both in this
   * page's direction) and its {@code LIMIT :limit OFFSET :offset}.
   */
  String orderByCreationAndLimit(String createdAt, String tieBreak) {
    String order = ascending ? " ASC" : " DESC";
    return " ORDER BY "
        + createdAt
        + order
        + ", "
        + tieBreak
        + order
        + " LIMIT :limit OFFSET :offset";
  }

  /** The values of {@link #orderByCreationAndLimit}'s parameters. */
  Map<String, Object> limitParams() {
    return Map.of("limit", limit, "offset", offset);
  }
}

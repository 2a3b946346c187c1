package org.flyte.datacatalog.repository;

/**
 * Which page of a listing: {@code limit} rows from {@code offset}, by creation time.
 *
 * @param ascending oldest first; Flyte's default is newest first
 */
public record ListPage(int offset, int limit, boolean ascending) {}

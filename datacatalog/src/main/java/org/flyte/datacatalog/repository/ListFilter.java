package org.flyte.datacatalog.repository;

/**
 * One condition of a listing, all combined with AND. Follows {@code
 * datacatalog/pkg/repositories/transformers/filters.go} (v1.16.8).
 */
public sealed interface ListFilter {

  /** Artifacts that carry this tag. */
  record TagName(String tagName) implements ListFilter {}

  /** Artifacts with this partition value. */
  record PartitionValue(String key, String value) implements ListFilter {}

  /** Datasets whose {@code field} equals {@code value}. */
  record DatasetField(Field field, String value) implements ListFilter {}

  /** The dataset columns a listing can filter on. */
  enum Field {
    PROJECT("project"),
    NAME("name"),
    DOMAIN("domain"),
    VERSION("version");

    private final String column;

    Field(String column) {
      this.column = column;
    }

    /** The column of {@code datasets} (also the field's name in Flyte's messages). */
    public String column() {
      return column;
    }
  }
}

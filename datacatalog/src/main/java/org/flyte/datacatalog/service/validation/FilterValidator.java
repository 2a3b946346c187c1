package org.flyte.datacatalog.service.validation;

import datacatalog.Datacatalog.FilterExpression;
import datacatalog.Datacatalog.PaginationOptions;
import datacatalog.Datacatalog.SinglePropertyFilter;
import java.util.ArrayList;
import java.util.List;
import org.flyte.common.error.FlyteException;
import org.flyte.datacatalog.repository.ListFilter;
import org.flyte.datacatalog.repository.ListPage;

/**
 * Listing filters and pagination, checked and turned into repository terms. Follows {@code
 * datacatalog/pkg/repositories/transformers/filters.go} and {@code pagination.go} (v1.16.8): a
 * filter with an empty value is "missing"; a filter Flyte does not implement ({@code
 * artifact_filter}, {@code dataset_filter.org}, an unset one) fails with Flyte's {@code no such
 * entity } (with its trailing space). Without pagination a page is 50 rows, newest first; with
 * pagination {@code limit} is taken as it is, 0 included (an empty page).
 */
public final class FilterValidator {

  /** Flyte's page size when a request has no pagination. */
  public static final int DEFAULT_LIMIT = 50;

  private FilterValidator() {}

  /** ListArtifacts' filters (already checked by {@link ArtifactValidator#validateList}). */
  public static List<ListFilter> artifactFilters(FilterExpression expression) {
    List<ListFilter> filters = new ArrayList<>();
    boolean unsupported = false;
    for (SinglePropertyFilter filter : expression.getFiltersList()) {
      switch (filter.getPropertyFilterCase()) {
        case TAG_FILTER -> {
          if (filter.getTagFilter().hasTagName()) {
            String tag = filter.getTagFilter().getTagName();
            ValidationErrors.requireNonEmpty(tag, "TagName");
            filters.add(new ListFilter.TagName(tag));
          } else {
            unsupported = true;
          }
        }
        case PARTITION_FILTER -> {
          if (filter.getPartitionFilter().hasKeyVal()) {
            String key = filter.getPartitionFilter().getKeyVal().getKey();
            String value = filter.getPartitionFilter().getKeyVal().getValue();
            ValidationErrors.requireNonEmpty(key, "PartitionKey");
            ValidationErrors.requireNonEmpty(value, "PartitionValue");
            filters.add(new ListFilter.PartitionValue(key, value));
          } else {
            unsupported = true;
          }
        }
        default -> unsupported = true;
      }
    }
    return checked(filters, unsupported);
  }

  /** ListDatasets' filters (already checked by {@link DatasetValidator#validateList}). */
  public static List<ListFilter> datasetFilters(FilterExpression expression) {
    List<ListFilter> filters = new ArrayList<>();
    boolean unsupported = false;
    for (SinglePropertyFilter filter : expression.getFiltersList()) {
      if (!filter.hasDatasetFilter()) {
        unsupported = true;
        continue;
      }
      var dataset = filter.getDatasetFilter();
      ListFilter.Field field =
          switch (dataset.getPropertyCase()) {
            case PROJECT -> ListFilter.Field.PROJECT;
            case NAME -> ListFilter.Field.NAME;
            case DOMAIN -> ListFilter.Field.DOMAIN;
            case VERSION -> ListFilter.Field.VERSION;
            default -> null;
          };
      if (field == null) {
        unsupported = true;
        continue;
      }
      String value =
          switch (field) {
            case PROJECT -> dataset.getProject();
            case NAME -> dataset.getName();
            case DOMAIN -> dataset.getDomain();
            case VERSION -> dataset.getVersion();
          };
      ValidationErrors.requireNonEmpty(value, field.column());
      filters.add(new ListFilter.DatasetField(field, value));
    }
    return checked(filters, unsupported);
  }

  /** The page a request asks for. */
  public static ListPage page(boolean present, PaginationOptions options) {
    if (!present) {
      return new ListPage(0, DEFAULT_LIMIT, false);
    }
    long limit = Integer.toUnsignedLong(options.getLimit());
    return new ListPage(
        PaginationValidator.offset(options.getToken()),
        (int) Math.min(limit, Integer.MAX_VALUE),
        options.getSortOrder() == PaginationOptions.SortOrder.ASCENDING);
  }

  private static List<ListFilter> checked(List<ListFilter> filters, boolean unsupported) {
    if (unsupported) {
      throw FlyteException.invalidArgument("no such entity ");
    }
    return filters;
  }
}

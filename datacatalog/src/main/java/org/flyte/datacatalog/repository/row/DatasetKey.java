package org.flyte.datacatalog.repository.row;

/** The primary key of {@code datasets}: project, name, domain, version (in the table's order). */
public record DatasetKey(String project, String name, String domain, String version) {}

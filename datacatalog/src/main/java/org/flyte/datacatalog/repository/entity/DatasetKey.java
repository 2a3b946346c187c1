package org.flyte.datacatalog.repository.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** The primary key of {@code datasets}: project, name, domain, version (in the table's order). */
@Embeddable
public record DatasetKey(
    @Column(name = "project") String project,
    @Column(name = "name") String name,
    @Column(name = "domain") String domain,
    @Column(name = "version") String version)
    implements Serializable {}

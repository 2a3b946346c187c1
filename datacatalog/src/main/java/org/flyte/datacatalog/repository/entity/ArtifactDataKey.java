package org.flyte.datacatalog.repository.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import java.io.Serializable;

/** The primary key of {@code artifact_data}: the artifact's key and the output name. */
@Embeddable
public record ArtifactDataKey(@Embedded ArtifactKey artifact, @Column(name = "name") String name)
    implements Serializable {}

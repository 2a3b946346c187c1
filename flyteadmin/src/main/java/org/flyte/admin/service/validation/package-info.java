/**
 * Pure request validation (Go's {@code flyteadmin/pkg/manager/impl/validation}), all of it in one
 * place: checks that need no database, in Flyte's order and with its messages, because the first
 * failing check decides the error a client sees. Checks that read the database (the project exists
 * and is active) live in {@link org.flyte.admin.service.project.ProjectDomainValidator}.
 */
package org.flyte.admin.service.validation;

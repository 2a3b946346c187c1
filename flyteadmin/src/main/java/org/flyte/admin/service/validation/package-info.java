/**
 * Request validation shared by FlyteAdmin's services, with Flyte's messages: Kubernetes name rules
 * for project ids and labels. Follows {@code flyteadmin/pkg/manager/impl/validation} (v1.16.8).
 */
package org.flyte.admin.service.validation;

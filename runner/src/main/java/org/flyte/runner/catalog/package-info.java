/**
 * The task cache through DataCatalog with propeller's keys. Follows {@code
 * flytepropeller/pkg/controller/nodes/catalog/datacatalog/datacatalog.go} and {@code
 * transformer.go} (Flyte v1.16.8).
 */
package org.flyte.runner.catalog;

/**
 * Launch plans (Flyte's {@code launch_plan_manager.go}): registration, activation with one active
 * version per name, lookups and lists.
 */
package org.flyte.admin.service.launchplan;

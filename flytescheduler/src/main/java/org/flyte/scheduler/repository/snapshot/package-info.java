/**
 * Flyte's {@code schedule_entities_snapshots}: the Go scheduler's record of each schedule's last
 * execution time, in Go's gob encoding ({@link
 * org.flyte.scheduler.repository.snapshot.GobSnapshot}). Read when this scheduler takes over from a
 * Go one, and written so that a Go scheduler can take over from this one.
 */
package org.flyte.scheduler.repository.snapshot;

/**
 * Which replica fires: the one holding a PostgreSQL session-level advisory lock ({@link
 * org.flyte.scheduler.service.leader.LeaderLock}); the others wait to take it over.
 */
package org.flyte.scheduler.service.leader;

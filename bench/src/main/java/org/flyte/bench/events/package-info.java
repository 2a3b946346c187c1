/** The event ingestion load driver for FlyteAdmin ({@link org.flyte.bench.events.EventLoad}). */
package org.flyte.bench.events;

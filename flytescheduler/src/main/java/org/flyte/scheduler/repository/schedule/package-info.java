/** Reads admin's {@code schedulable_entities}, which launch plan activation keeps in step. */
package org.flyte.scheduler.repository.schedule;

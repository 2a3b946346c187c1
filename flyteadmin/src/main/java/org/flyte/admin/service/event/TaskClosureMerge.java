package org.flyte.admin.service.event;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import flyteidl.core.Catalog.CatalogCacheStatus;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.TaskLog;
import flyteidl.event.Event.ExternalResourceInfo;
import flyteidl.event.Event.TaskExecutionMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a task event's logs, custom info and metadata merge into the stored closure. Follows {@code
 * mergeLogs}, {@code mergeCustom}, {@code mergeExternalResources}, {@code mergeMetadata} and {@code
 * filterLogsByPhase} of {@code flyteadmin/pkg/repositories/transformers/task_execution.go} (Flyte
 * v1.16.8).
 */
final class TaskClosureMerge {

  static final Comparator<ExternalResourceInfo> BY_INDEX_AND_ATTEMPT =
      Comparator.comparingLong((ExternalResourceInfo r) -> Integer.toUnsignedLong(r.getIndex()))
          .thenComparingLong(r -> Integer.toUnsignedLong(r.getRetryAttempt()));

  private TaskClosureMerge() {}

  /** The new logs, then each old log whose URI and name both differ from every new one. */
  static List<TaskLog> logs(List<TaskLog> existing, List<TaskLog> latest) {
    if (latest.isEmpty()) {
      return existing;
    }
    if (existing.isEmpty()) {
      return latest;
    }
    Set<String> uris = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (TaskLog log : latest) {
      uris.add(log.getUri());
      if (!log.getName().isEmpty()) {
        names.add(log.getName());
      }
    }
    List<TaskLog> merged = new ArrayList<>(latest);
    for (TaskLog log : existing) {
      if (!uris.contains(log.getUri()) && !names.contains(log.getName())) {
        merged.add(log);
      }
    }
    return merged;
  }

  /**
   * Terminal phases drop {@code hide_once_finished} logs; QUEUED and INITIALIZING keep only {@code
   * show_while_pending} ones.
   */
  static List<TaskLog> filterByPhase(List<TaskLog> logs, TaskExecution.Phase phase) {
    List<TaskLog> kept = new ArrayList<>();
    for (TaskLog log : logs) {
      if (TaskEventService.TERMINAL.contains(phase) && log.getHideOnceFinished()) {
        continue;
      }
      if ((phase == TaskExecution.Phase.QUEUED || phase == TaskExecution.Phase.INITIALIZING)
          && !log.getShowWhilePending()) {
        continue;
      }
      kept.add(log);
    }
    return kept;
  }

  /** A JSON merge patch of {@code latest} onto {@code existing} (RFC 7396: null removes). */
  static Struct custom(boolean hasExisting, Struct existing, boolean hasLatest, Struct latest) {
    if (!hasExisting) {
      return latest;
    }
    if (!hasLatest) {
      return existing;
    }
    return mergePatch(existing, latest);
  }

  private static Struct mergePatch(Struct target, Struct patch) {
    Struct.Builder result = target.toBuilder();
    for (Map.Entry<String, Value> entry : patch.getFieldsMap().entrySet()) {
      Value value = entry.getValue();
      if (value.hasNullValue()) {
        result.removeFields(entry.getKey());
      } else if (value.hasStructValue()) {
        Value old = target.getFieldsMap().get(entry.getKey());
        Struct base =
            old != null && old.hasStructValue()
                ? old.getStructValue()
                : Struct.getDefaultInstance();
        result.putFields(
            entry.getKey(),
            Value.newBuilder().setStructValue(mergePatch(base, value.getStructValue())).build());
      } else {
        result.putFields(entry.getKey(), value);
      }
    }
    return result.build();
  }

  /** {@code mergeMetadata}. */
  static TaskExecutionMetadata metadata(
      boolean hasExisting,
      TaskExecutionMetadata existing,
      boolean hasLatest,
      TaskExecutionMetadata latest) {
    if (!hasExisting) {
      return latest;
    }
    if (!hasLatest) {
      return existing;
    }
    TaskExecutionMetadata.Builder merged = existing.toBuilder();
    if (!latest.getGeneratedName().isEmpty()) {
      merged.setGeneratedName(latest.getGeneratedName());
    }
    merged
        .clearExternalResources()
        .addAllExternalResources(
            externalResources(
                existing.getExternalResourcesList(), latest.getExternalResourcesList()));
    merged.clearResourcePoolInfo().addAllResourcePoolInfo(latest.getResourcePoolInfoList());
    if (!latest.getPluginIdentifier().isEmpty()) {
      merged.setPluginIdentifier(latest.getPluginIdentifier());
    }
    if (latest.getInstanceClass() != TaskExecutionMetadata.InstanceClass.DEFAULT) {
      merged.setInstanceClass(latest.getInstanceClass());
    }
    return merged.build();
  }

  /** Upserts each new external resource by (index, retry attempt), keeping them sorted. */
  static List<ExternalResourceInfo> externalResources(
      List<ExternalResourceInfo> existing, List<ExternalResourceInfo> latest) {
    List<ExternalResourceInfo> merged = new ArrayList<>(existing);
    for (ExternalResourceInfo resource : latest) {
      int at = 0;
      while (at < merged.size() && BY_INDEX_AND_ATTEMPT.compare(merged.get(at), resource) < 0) {
        at++;
      }
      if (at < merged.size() && BY_INDEX_AND_ATTEMPT.compare(merged.get(at), resource) == 0) {
        merged.set(at, externalResource(merged.get(at), resource));
      } else {
        merged.add(at, resource);
      }
    }
    return merged;
  }

  private static ExternalResourceInfo externalResource(
      ExternalResourceInfo existing, ExternalResourceInfo latest) {
    ExternalResourceInfo.Builder merged = existing.toBuilder();
    if (!latest.getExternalId().isEmpty()) {
      merged.setExternalId(latest.getExternalId());
    }
    merged.setPhase(latest.getPhase());
    if (latest.getCacheStatus() != CatalogCacheStatus.CACHE_DISABLED) {
      merged.setCacheStatus(latest.getCacheStatus());
    }
    merged.clearLogs().addAllLogs(logs(existing.getLogsList(), latest.getLogsList()));
    if (latest.hasCustomInfo()) {
      merged.setCustomInfo(latest.getCustomInfo());
    }
    return merged.build();
  }

  /** Filters every external resource's logs for a new phase. */
  static TaskExecutionMetadata filterExternalResourceLogs(
      TaskExecutionMetadata metadata, TaskExecution.Phase phase) {
    TaskExecutionMetadata.Builder filtered = metadata.toBuilder().clearExternalResources();
    for (ExternalResourceInfo resource : metadata.getExternalResourcesList()) {
      filtered.addExternalResources(
          resource.toBuilder()
              .clearLogs()
              .addAllLogs(filterByPhase(resource.getLogsList(), phase)));
    }
    return filtered.build();
  }
}

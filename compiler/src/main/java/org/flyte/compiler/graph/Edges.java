package org.flyte.compiler.graph;

import flyteidl.core.Compiler.ConnectionSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The upstream and downstream adjacency of one workflow, kept sorted so that the {@code
 * ConnectionSet} is produced once at the end (Go: the {@code AddUpstreamEdge}/{@code
 * AddDownstreamEdge} methods of {@code compiler/workflow_compiler.go}, v1.16.8, which re-sort a
 * list after every insert). An empty provider id means {@code start-node}.
 */
public final class Edges {

  private final Map<String, TreeSet<String>> upstream = new HashMap<>();
  private final Map<String, TreeSet<String>> downstream = new HashMap<>();

  /** Records that {@code dependent} depends on {@code provider}. */
  public void addUpstream(String provider, String dependent) {
    upstream.computeIfAbsent(dependent, k -> new TreeSet<>()).add(orStart(provider));
  }

  /** Records that {@code provider} feeds {@code dependent}. */
  public void addDownstream(String provider, String dependent) {
    downstream.computeIfAbsent(orStart(provider), k -> new TreeSet<>()).add(dependent);
  }

  /** Records both directions. */
  public void addExecution(String from, String to) {
    addDownstream(from, to);
    addUpstream(from, to);
  }

  public void add(String provider, String dependent, EdgeDirection direction) {
    switch (direction) {
      case BIDIRECTIONAL -> addExecution(provider, dependent);
      case DOWNSTREAM -> addDownstream(provider, dependent);
      case UPSTREAM -> addUpstream(provider, dependent);
    }
  }

  public boolean hasUpstream(String nodeId) {
    return upstream.containsKey(nodeId);
  }

  public boolean hasDownstream(String nodeId) {
    return downstream.containsKey(nodeId);
  }

  /** The sorted ids that depend on {@code nodeId} (empty when none). */
  public Set<String> downstreamOf(String nodeId) {
    TreeSet<String> ids = downstream.get(nodeId);
    return ids == null ? Set.of() : ids;
  }

  /** The adjacency as Flyte's {@code ConnectionSet}, every id list sorted. */
  public ConnectionSet toConnectionSet() {
    ConnectionSet.Builder set = ConnectionSet.newBuilder();
    downstream.forEach(
        (id, ids) ->
            set.putDownstream(id, ConnectionSet.IdList.newBuilder().addAllIds(ids).build()));
    upstream.forEach(
        (id, ids) -> set.putUpstream(id, ConnectionSet.IdList.newBuilder().addAllIds(ids).build()));
    return set.build();
  }

  private static String orStart(String id) {
    return id.isEmpty() ? NodeIds.START_NODE : id;
  }
}

package org.flyte.runner.engine;

import flyteidl.core.IdentifierOuterClass.Identifier;
import org.flyte.common.storage.DataReference;
import org.flyte.compiler.k8s.model.NodeSpec;

/**
 * A node being executed, as its events name it.
 *
 * @param spec the node
 * @param uniqueId its id in events ({@link UniqueIds#node})
 * @param parent the node it runs under; null at the top of the workflow
 * @param dataDir its data directory ({@code <parent>/<node id>/data}); inputs are {@code inputs.pb}
 *     there, attempt {@code n} writes under {@code <dataDir>/<n>}
 * @param target the task or launch plan it runs; null otherwise
 * @param inputsFile its inputs file when not {@code <dataDir>/inputs.pb} (an array node's sub-tasks
 *     read the array node's), else null
 */
record NodeRef(
    NodeSpec spec,
    String uniqueId,
    ParentInfo parent,
    DataReference dataDir,
    Identifier target,
    DataReference inputsFile) {

  NodeRef(
      NodeSpec spec, String uniqueId, ParentInfo parent, DataReference dataDir, Identifier target) {
    this(spec, uniqueId, parent, dataDir, target, null);
  }

  DataReference inputs() {
    return inputsFile != null ? inputsFile : dataDir.resolve("inputs.pb");
  }

  DataReference outputDir(int attempt) {
    return dataDir.resolve(Integer.toString(attempt));
  }
}

/**
 * Flyte's JSON of the {@code FlyteWorkflow} custom resource, written and read: {@link
 * org.flyte.compiler.k8s.json.FlyteWorkflowJson} follows the keys and {@code omitempty} rules of
 * Go's {@code encoding/json} over the v1alpha1 types; embedded protobuf values are written by
 * {@link org.flyte.compiler.k8s.json.ProtoJson} (jsonpb, where the Go type has a JSON method) or
 * {@link org.flyte.compiler.k8s.json.GoStructJson} (the generated Go struct, where it has none);
 * {@link org.flyte.compiler.k8s.json.GoValues} and {@link org.flyte.compiler.k8s.json.GoDuration}
 * write floats, times and durations as Go does. Trees are Gson's.
 */
package org.flyte.compiler.k8s.json;

package org.flyte.datacatalog.app;

import datacatalog.DataCatalogGrpc;
import datacatalog.DataCatalogGrpc.DataCatalogBlockingStub;
import datacatalog.Datacatalog.Artifact;
import datacatalog.Datacatalog.ArtifactData;
import datacatalog.Datacatalog.CreateArtifactRequest;
import datacatalog.Datacatalog.CreateDatasetRequest;
import datacatalog.Datacatalog.Dataset;
import datacatalog.Datacatalog.DatasetID;
import datacatalog.Datacatalog.Metadata;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import org.flyte.common.grpc.GrpcAutoConfiguration;
import org.springframework.core.env.Environment;

/** Names, messages and a channel for DataCatalog tests: every test makes its own project. */
public final class CatalogFixtures {

  private CatalogFixtures() {}

  /** A channel to the app's network gRPC port. */
  public static ManagedChannel channel(Environment environment) {
    return Grpc.newChannelBuilder(
            "localhost:" + environment.getProperty(GrpcAutoConfiguration.LOCAL_PORT_PROPERTY),
            InsecureChannelCredentials.create())
        .build();
  }

  public static DataCatalogBlockingStub stub(ManagedChannel channel) {
    return DataCatalogGrpc.newBlockingStub(channel);
  }

  /** A dataset id in a project of its own. */
  public static DatasetID newDatasetId() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    return DatasetID.newBuilder()
        .setProject("project-" + suffix)
        .setDomain("development")
        .setName("flyte_task-wf.t" + suffix)
        .setVersion("1.0-abcd1234-efgh5678")
        .build();
  }

  public static Literal integer(long value) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(value)))
        .build();
  }

  public static Literal string(String value) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setStringValue(value)))
        .build();
  }

  public static ArtifactData data(String name, Literal value) {
    return ArtifactData.newBuilder().setName(name).setValue(value).build();
  }

  public static Metadata metadata(String... keyValues) {
    Metadata.Builder metadata = Metadata.newBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      metadata.putKeyMap(keyValues[i], keyValues[i + 1]);
    }
    return metadata.build();
  }

  public static void createDataset(DataCatalogBlockingStub catalog, DatasetID id) {
    catalog.createDataset(
        CreateDatasetRequest.newBuilder()
            .setDataset(Dataset.newBuilder().setId(id).setMetadata(metadata("task-version", "v1")))
            .build());
  }

  /** Creates an artifact with one integer output {@code o0}; returns its id. */
  public static String createArtifact(DataCatalogBlockingStub catalog, DatasetID id, long value) {
    String artifactId = UUID.randomUUID().toString();
    catalog.createArtifact(
        CreateArtifactRequest.newBuilder()
            .setArtifact(
                Artifact.newBuilder()
                    .setId(artifactId)
                    .setDataset(id)
                    .addData(data("o0", integer(value))))
            .build());
    return artifactId;
  }

  /** The status code a call failed with; fails the test when it did not fail. */
  public static Status.Code codeOf(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
    throw new AssertionError("the call succeeded");
  }

  /** The status a call failed with; fails the test when it did not fail. */
  public static Status statusOf(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
    throw new AssertionError("the call succeeded");
  }
}

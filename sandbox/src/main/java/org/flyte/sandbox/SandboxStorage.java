package org.flyte.sandbox;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/**
 * The sandbox's object store, served over the S3 protocol: an in-process s3proxy on the filesystem
 * backend, each bucket a directory under {@code storage/} and each object a plain file in it. This
 * stands in for the MinIO of Flyte's demo cluster ({@code
 * docker/sandbox-bundled/manifests/complete.yaml}, Flyte v1.16.8): same port (30002), same bucket
 * ({@code my-s3-bucket}), same credentials ({@code minio} / {@code miniostorage}), so that
 * FlyteAdmin, DataCatalog, the runner, the tasks and flytekit all address data as {@code
 * s3://my-s3-bucket/...}, exactly as on a cluster, and flytekit's {@code Config.for_sandbox()}
 * works as it is.
 */
public final class SandboxStorage implements AutoCloseable {

  /** The bucket every app writes to, Flyte's demo bucket. */
  public static final String BUCKET = "my-s3-bucket";

  /** The access key of Flyte's demo MinIO. */
  public static final String ACCESS_KEY = "minio";

  /** The secret key of Flyte's demo MinIO. */
  public static final String SECRET_KEY = "miniostorage";

  private final S3Proxy proxy;
  private final BlobStore store;

  private SandboxStorage(S3Proxy proxy, BlobStore store) {
    this.proxy = proxy;
    this.store = store;
  }

  /**
   * Serves {@code dir} on {@code port} (0: any free port), creating the directory and the bucket
   * when missing.
   *
   * @throws IllegalStateException when the endpoint cannot start (the port is taken, the directory
   *     cannot be written)
   */
  public static SandboxStorage start(Path dir, int port) {
    BlobStore store = null;
    S3Proxy proxy = null;
    // It starts before the apps have set up logging: its start-up chatter stays out of the output.
    LoggingSystem.get(SandboxStorage.class.getClassLoader()).setLogLevel("org.gaul", LogLevel.WARN);
    try {
      Files.createDirectories(dir);
      Properties properties = new Properties();
      properties.setProperty("jclouds.filesystem.basedir", dir.toString());
      properties.setProperty("jclouds.identity", ACCESS_KEY);
      properties.setProperty("jclouds.credential", SECRET_KEY);
      store = BlobStores.create("filesystem", properties);
      if (!store.containerExists(BUCKET)) {
        store.createContainer(BUCKET);
      }
      proxy =
          S3Proxy.builder()
              .blobStore(new PublicRead(store))
              .endpoint(URI.create("http://0.0.0.0:" + port))
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
              // flytekit (botocore, fsspec) sends headers s3proxy does not implement, e.g.
              // checksums.
              .ignoreUnknownHeaders(true)
              .stopTimeout(1000)
              .build();
      proxy.start();
      while (!proxy.getState().equals("STARTED")) {
        if (proxy.getState().equals("FAILED") || proxy.getState().equals("STOPPED")) {
          throw new IllegalStateException("the S3 endpoint did not start");
        }
        Thread.sleep(5);
      }
      return new SandboxStorage(proxy, store);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopQuietly(proxy, store);
      throw new IllegalStateException("interrupted while the S3 endpoint started", e);
    } catch (Exception e) {
      stopQuietly(proxy, store);
      throw new IllegalStateException(
          "the sandbox storage (S3 endpoint on port " + port + ", " + dir + ") cannot start: " + e,
          e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return proxy.getPort();
  }

  /** The endpoint clients on this machine use, e.g. {@code http://localhost:30002}. */
  public URI endpoint() {
    return URI.create("http://localhost:" + port());
  }

  /**
   * The {@code flyte.storage.*} properties that point an app at this endpoint, as Flyte's demo
   * cluster writes them: a stow {@code s3} location on the endpoint, signed URLs naming it too.
   */
  public List<String> appArgs() {
    return List.of(
        "--flyte.storage.type=stow",
        "--flyte.storage.container=" + BUCKET,
        "--flyte.storage.stow.kind=s3",
        "--flyte.storage.stow.config[region]=us-east-1",
        "--flyte.storage.stow.config[disable_ssl]=true",
        "--flyte.storage.stow.config[endpoint]=" + endpoint(),
        "--flyte.storage.stow.config[auth_type]=accesskey",
        "--flyte.storage.stow.config[access_key_id]=" + ACCESS_KEY,
        "--flyte.storage.stow.config[secret_key]=" + SECRET_KEY,
        "--flyte.storage.signed-url.stow-config-override[endpoint]=" + endpoint());
  }

  /** Stops serving; the files stay. */
  @Override
  public void close() {
    stopQuietly(proxy, store);
  }

  /**
   * Every object readable without credentials, as FlyteConsole opens task logs by plain URL (the
   * demo's MinIO credentials are public anyway); writes still need them.
   */
  private static final class PublicRead extends ForwardingBlobStore {

    PublicRead(BlobStore store) {
      super(store);
    }

    @Override
    public BucketCannedACL getContainerAccess(String container) {
      return BucketCannedACL.PUBLIC_READ;
    }

    @Override
    public ObjectCannedACL getBlobAccess(String container, String name) {
      return ObjectCannedACL.PUBLIC_READ;
    }

    @Override
    public ObjectCannedACL getBlobAccess(String container, String name, String versionId) {
      return ObjectCannedACL.PUBLIC_READ;
    }
  }

  private static void stopQuietly(S3Proxy proxy, BlobStore store) {
    if (proxy != null) {
      try {
        proxy.stop();
      } catch (Exception e) {
        // stopping: nothing left to do with it
      }
    }
    if (store != null) {
      store.close();
    }
  }
}

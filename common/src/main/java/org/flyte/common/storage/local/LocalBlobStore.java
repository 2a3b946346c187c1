package org.flyte.common.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.AbstractBlobStore;
import org.flyte.common.storage.BlobMetadata;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.ContentDigests;
import org.jspecify.annotations.Nullable;

/**
 * A blob store on a local directory, for {@code file://<container>/<key>} references.
 *
 * <p>Follows the stow {@code local} kind that {@code flytestdlib/storage/stow_store.go} (v1.16.8)
 * dials: each container is a directory under the root (Flyte's {@code stow.config.path}), each key
 * a file below it. On top of that:
 *
 * <ul>
 *   <li>Writes are atomic: the bytes stream to a temporary file under {@code <root>/.flyte-tmp}
 *       (same file system) and are then moved into place, so readers never see half an object and a
 *       write that fails leaves the previous object.
 *   <li>User metadata (which stow's local kind refuses) is kept in a sidecar properties file at
 *       {@code <root>/.flyte-metadata/<container>/<key>.properties}, written only when an object
 *       has metadata and removed with the object. Container names may not start with a dot, so
 *       neither directory can clash with a container.
 *   <li>The ETag is the hex MD5 of the file, computed when asked ({@link #head} reads the file).
 *   <li>Keys that would leave their container ({@code ..}) are refused with INVALID_ARGUMENT.
 * </ul>
 *
 * It cannot sign URLs (UNIMPLEMENTED); serving signed URLs for local disk is left to FlyteAdmin.
 */
public final class LocalBlobStore extends AbstractBlobStore {

  /** The scheme of this store's references. */
  public static final String SCHEME = "file";

  static final String TEMP_DIR = ".flyte-tmp";
  static final String METADATA_DIR = ".flyte-metadata";
  private static final String METADATA_SUFFIX = ".properties";
  private static final Pattern CONTAINER = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private final Path root;

  /**
   * A store rooted at {@code root}; creates the root and the base container's directory.
   *
   * @throws UncheckedIOException when the directories cannot be created
   */
  public LocalBlobStore(Path root, BlobStoreSettings settings) {
    super(SCHEME, settings);
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root.resolve(TEMP_DIR));
      Files.createDirectories(containerDir(settings.container()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the local storage root " + this.root, e);
    }
  }

  /** The directory holding the containers. */
  public Path root() {
    return root;
  }

  @Override
  protected Optional<ObjectStream> openObject(String container, String key) throws IOException {
    Path file = objectPath(container, key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      long size = Files.size(file);
      return Optional.of(new ObjectStream(Files.newInputStream(file), size));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  protected void putObject(
      String container,
      String key,
      InputStream data,
      long length,
      Map<String, String> metadata,
      @Nullable String contentMd5)
      throws IOException {
    Path file = objectPath(container, key);
    Path sidecar = metadataPath(container, key);
    replaceAtomically(file, data);
    if (metadata.isEmpty()) {
      Files.deleteIfExists(sidecar);
    } else {
      Properties properties = new Properties();
      properties.putAll(metadata);
      Path temp = Files.createTempFile(root.resolve(TEMP_DIR), "meta-", ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        properties.store(out, null);
      }
      move(temp, sidecar);
    }
  }

  @Override
  protected Optional<BlobMetadata> headObject(String container, String key) throws IOException {
    Path file = objectPath(container, key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      long size = Files.size(file);
      String etag = ContentDigests.hexMd5(in);
      return Optional.of(new BlobMetadata(size, etag, readMetadata(container, key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  protected List<String> listObjects(String container, String keyPrefix) throws IOException {
    Path dir = containerDir(container);
    int slash = keyPrefix.lastIndexOf('/');
    Path start = slash < 0 ? dir : objectPath(container, keyPrefix.substring(0, slash));
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(start)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
          .filter(k -> k.startsWith(keyPrefix))
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  protected void deleteObject(String container, String key) throws IOException {
    Files.deleteIfExists(metadataPath(container, key));
    Path file = objectPath(container, key);
    if (!Files.isDirectory(file)) {
      Files.deleteIfExists(file);
    }
  }

  private void replaceAtomically(Path file, InputStream data) throws IOException {
    Path temp = Files.createTempFile(root.resolve(TEMP_DIR), "blob-", ".tmp");
    try {
      Files.copy(data, temp, StandardCopyOption.REPLACE_EXISTING);
      move(temp, file);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    if (Files.isDirectory(target)) {
      throw new FileAlreadyExistsException(
          target.toString(), null, "a directory of that name holds other objects");
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private Map<String, String> readMetadata(String container, String key) throws IOException {
    Path sidecar = metadataPath(container, key);
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(sidecar)) {
      properties.load(in);
    } catch (NoSuchFileException e) {
      return Map.of();
    }
    Map<String, String> metadata = new HashMap<>();
    properties.stringPropertyNames().forEach(n -> metadata.put(n, properties.getProperty(n)));
    return metadata;
  }

  private Path containerDir(String container) {
    if (!CONTAINER.matcher(container).matches()) {
      throw FlyteException.invalidArgument(
          "container [%s] is not a valid directory name for the local store", container);
    }
    return root.resolve(container);
  }

  private Path objectPath(String container, String key) {
    Path dir = containerDir(container);
    Path file;
    try {
      file = dir.resolve(key).normalize();
    } catch (InvalidPathException e) {
      throw FlyteException.invalidArgument(
          "key [%s] is not a valid file name here: %s", key, e.getReason());
    }
    if (!file.startsWith(dir) || file.equals(dir)) {
      throw FlyteException.invalidArgument("key [%s] leaves its container [%s]", key, container);
    }
    return file;
  }

  private Path metadataPath(String container, String key) {
    Path file = objectPath(container, key);
    Path relative = containerDir(container).relativize(file);
    return root.resolve(METADATA_DIR)
        .resolve(container)
        .resolve(relative.toString() + METADATA_SUFFIX);
  }
}

package org.flyte.common.storage.memory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.flyte.common.storage.AbstractBlobStore;
import org.flyte.common.storage.BlobMetadata;
import org.flyte.common.storage.BlobStoreSettings;
import org.flyte.common.storage.ContentDigests;
import org.jspecify.annotations.Nullable;

/**
 * A blob store held in memory ({@code type: mem}), for tests and throw-away sandboxes.
 *
 * <p>Follows {@code flytestdlib/storage/mem_store.go} (v1.16.8), except that references use the
 * {@code mem://<container>/<key>} form and obey the same container rule and download limit as the
 * other backends (Flyte's in-memory store uses scheme-less {@code /key} references and checks
 * neither). The ETag is the hex MD5 of the content, as in Flyte. It cannot sign URLs
 * (UNIMPLEMENTED).
 */
public final class InMemoryBlobStore extends AbstractBlobStore {

  /** The scheme of this store's references. */
  public static final String SCHEME = "mem";

  private record Entry(byte[] data, String etag, Map<String, String> metadata) {}

  private final Map<String, NavigableMap<String, Entry>> containers = new ConcurrentHashMap<>();

  public InMemoryBlobStore(BlobStoreSettings settings) {
    super(SCHEME, settings);
  }

  @Override
  protected Optional<ObjectStream> openObject(String container, String key) {
    return entry(container, key)
        .map(e -> new ObjectStream(new ByteArrayInputStream(e.data()), e.data().length));
  }

  /** Reads the whole stream: this store keeps objects in memory by design. */
  @Override
  protected void putObject(
      String container,
      String key,
      InputStream data,
      long length,
      Map<String, String> metadata,
      @Nullable String contentMd5)
      throws IOException {
    store(container, key, data.readAllBytes(), metadata);
  }

  @Override
  protected void putObject(
      String container,
      String key,
      byte[] data,
      Map<String, String> metadata,
      @Nullable String contentMd5) {
    store(container, key, data.clone(), metadata);
  }

  private void store(String container, String key, byte[] copy, Map<String, String> metadata) {
    containers
        .computeIfAbsent(container, c -> new ConcurrentSkipListMap<>())
        .put(key, new Entry(copy, ContentDigests.hexMd5(copy), Map.copyOf(metadata)));
  }

  @Override
  protected Optional<BlobMetadata> headObject(String container, String key) {
    return entry(container, key)
        .map(e -> new BlobMetadata(e.data().length, e.etag(), e.metadata()));
  }

  @Override
  protected List<String> listObjects(String container, String keyPrefix) {
    NavigableMap<String, Entry> entries = containers.get(container);
    if (entries == null) {
      return List.of();
    }
    return entries.tailMap(keyPrefix, true).keySet().stream()
        .takeWhile(k -> k.startsWith(keyPrefix))
        .toList();
  }

  @Override
  protected void deleteObject(String container, String key) {
    NavigableMap<String, Entry> entries = containers.get(container);
    if (entries != null) {
      entries.remove(key);
    }
  }

  private Optional<Entry> entry(String container, String key) {
    NavigableMap<String, Entry> entries = containers.get(container);
    return Optional.ofNullable(entries == null ? null : entries.get(key));
  }
}

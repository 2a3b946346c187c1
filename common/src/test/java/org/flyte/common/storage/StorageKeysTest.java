package org.flyte.common.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flyte.common.error.FlyteException;
import org.flyte.common.storage.local.LocalBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageKeysTest {

  private static final DataReference BASE = DataReference.parse("s3://bucket/metadata/admin");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "wfs.basics.say_hello",
        "flytesnacks",
        "development",
        "v1",
        "KqJaT4L4Tl2n7XL2qK7pGQ==",
        "vVoGmTVm3aH6eeQ2W_w6Yg",
        "1.0-abc-def",
        "my file.tar.gz",
        "a:b",
        "ABCYZWMPACZAJ2MABGMOZ6CCPY======"
      })
  void ordinaryNamesKeepFlytesLayout(String value) {
    DataReference ref = StorageKeys.under(BASE, "p", "d", value);
    assertThat(ref.key()).isEqualTo("metadata/admin/p/d/" + value);
    assertThat(DataReference.parse(ref.toString())).isEqualTo(ref);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "evil/../wfs.basics.sub",
        "../../flytesnacks/development/x",
        "../../../../tmp/x",
        "/abs",
        "..",
        ".",
        "%2E%2E%2F%2E%2E%2Fx",
        "a\u0000b",
        "line\nbreak",
        "back\\slash/..",
        "trailing/"
      })
  void noValueChangesTheKeyStructure(String value) {
    DataReference ref = StorageKeys.under(BASE, "p", "d", value, "v");
    String key = ref.key();
    assertThat(key).startsWith("metadata/admin/p/d/").endsWith("/v");
    assertThat(key.split("/", -1)).hasSize(6);
    String segment = key.split("/", -1)[4];
    assertThat(segment).isNotIn(".", "..").doesNotContain("/");
    assertThat(segment.chars().noneMatch(Character::isISOControl)).isTrue();
    assertThat(DataReference.parse(ref.toString()).key()).isEqualTo(key);
  }

  @Test
  void differentValuesGiveDifferentSegments() {
    assertThat(StorageKeys.segment("a/b")).isEqualTo("a%2Fb");
    assertThat(StorageKeys.segment("a%2Fb")).isEqualTo("a%252Fb");
    assertThat(StorageKeys.segment("..")).isEqualTo("%2E%2E");
    assertThat(StorageKeys.segment("%2E%2E")).isEqualTo("%252E%252E");
  }

  @Test
  void longValuesAreCutWithAHashAndStayDistinct() {
    String a = "x".repeat(300) + "a";
    String b = "x".repeat(300) + "b";
    String segmentA = StorageKeys.segment(a);
    assertThat(segmentA.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(200);
    assertThat(segmentA).startsWith("xxx").contains("~").isNotEqualTo(StorageKeys.segment(b));
    assertThat(StorageKeys.segment(a)).isEqualTo(segmentA);
    String wide = "é".repeat(150);
    String cut = StorageKeys.segment(wide);
    assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(200);
    assertThat(cut).doesNotContain("\uFFFD");
    assertThat(StorageKeys.segment("x".repeat(200))).isEqualTo("x".repeat(200));
  }

  @Test
  void emptyValuesAreRefused() {
    assertThatThrownBy(() -> StorageKeys.segment(""))
        .isInstanceOfSatisfying(
            FlyteException.class,
            e -> assertThat(e.code()).isEqualTo(org.flyte.common.error.ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void aLocalStoreWritesEveryValueInsideItsPlace(@TempDir Path root) throws Exception {
    LocalBlobStore store = new LocalBlobStore(root, BlobStoreSettings.of("container"));
    DataReference base = store.baseContainer().resolve("metadata");
    for (String value : new String[] {"../../x", "..", "y".repeat(400), "a/b"}) {
      DataReference ref = StorageKeys.under(base, "p", value);
      store.write(ref, value.getBytes(StandardCharsets.UTF_8), WriteOptions.defaults());
      assertThat(new String(store.read(ref), StandardCharsets.UTF_8)).isEqualTo(value);
    }
    try (var files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).map(root::relativize).map(Path::toString))
          .allMatch(f -> f.startsWith("container/metadata/p/") || f.startsWith(".flyte"));
    }
  }
}

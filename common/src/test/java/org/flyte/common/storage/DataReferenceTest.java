package org.flyte.common.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataReferenceTest {

  @ParameterizedTest
  @CsvSource({
    "s3://my-bucket/metadata/admin/p/d/wf/v1, s3, my-bucket, metadata/admin/p/d/wf/v1",
    "gs://bucket/a, gs, bucket, a",
    "file://local-bucket/x/y.pb, file, local-bucket, x/y.pb",
    "abfs://container/k, abfs, container, k",
    "mem://flyte/k, mem, flyte, k",
    "s3://bucket, s3, bucket, ''",
    "s3://bucket/, s3, bucket, ''",
    "s3://bucket//a/b//, s3, bucket, a/b",
    "s3://bucket/execution%20name/inputs, s3, bucket, execution name/inputs",
  })
  void parseSplitsSchemeContainerAndKey(
      String reference, String scheme, String container, String key) {
    DataReference ref = DataReference.parse(reference);

    assertThat(ref.scheme()).isEqualTo(scheme);
    assertThat(ref.container()).isEqualTo(container);
    assertThat(ref.key()).isEqualTo(key);
    assertThat(ref).hasToString(reference);
  }

  @Test
  void parseStoresTheEscapedFormOfAnUnescapedPath() {
    DataReference ref = DataReference.parse("s3://bucket/execution name/in puts");

    assertThat(ref.key()).isEqualTo("execution name/in puts");
    assertThat(ref).hasToString("s3://bucket/execution%20name/in%20puts");
    assertThat(ref).isEqualTo(DataReference.parse("s3://bucket/execution%20name/in%20puts"));
  }

  @Test
  void parseKeepsValidEscapesAndSubDelimitersAsWritten() {
    DataReference ref = DataReference.parse("s3://bucket/a(b)/c%2Fd/e!f");

    assertThat(ref).hasToString("s3://bucket/a(b)/c%2Fd/e!f");
    assertThat(ref.key()).isEqualTo("a(b)/c/d/e!f");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "/metadata/admin/x", // Flyte's in-memory store form
        "bucket/key",
        "://bucket/key",
        "1s3://bucket/key",
        "s3:///key",
        "s3://bu cket/key",
        "s3://user@bucket/key",
        "s3://bucket/key?versionId=1",
        "s3://bucket/key#fragment",
        "s3://bucket/bad%zzescape",
        "s3://bucket/truncated%2",
      })
  void parseRejectsMalformedReferences(String reference) {
    assertThatThrownBy(() -> DataReference.parse(reference))
        .isInstanceOfSatisfying(
            FlyteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void ofEscapesTheKey() {
    DataReference ref = DataReference.of("gs", "bucket", "/dir/file name?.txt/");

    assertThat(ref).hasToString("gs://bucket/dir/file%20name%3F.txt");
    assertThat(ref.key()).isEqualTo("dir/file name?.txt");
    assertThat(DataReference.of("gs", "bucket", "")).hasToString("gs://bucket");
  }

  @Test
  void resolveJoinsTrimmedKeysUnderTheBase() {
    DataReference base = DataReference.parse("s3://my-bucket");

    DataReference ref = base.resolve("/metadata/", "admin/", "/p", "d", "wf", "v1");

    assertThat(ref).hasToString("s3://my-bucket/metadata/admin/p/d/wf/v1");
    assertThat(ref.key()).isEqualTo("metadata/admin/p/d/wf/v1");
  }

  @Test
  void resolvePercentEncodesAnExecutionNameWithASpace() {
    DataReference base = DataReference.parse("s3://my-bucket");

    DataReference ref = base.resolve("metadata", "project", "domain", "execution name", "inputs");

    assertThat(ref).hasToString("s3://my-bucket/metadata/project/domain/execution%20name/inputs");
    assertThat(ref.key()).isEqualTo("metadata/project/domain/execution name/inputs");
  }

  @Test
  void resolveEncodesCharactersUrlsDoNotAllowAndKeepsExistingEscapes() {
    DataReference base = DataReference.parse("gs://b/root");

    assertThat(base.resolve("a b", "c(d)")).hasToString("gs://b/root/a%20b/c%28d%29");
    assertThat(base.resolve("c(d)")).hasToString("gs://b/root/c(d)");
    assertThat(base.resolve("already%20escaped")).hasToString("gs://b/root/already%20escaped");
    assertThat(base.resolve("naïve")).hasToString("gs://b/root/na%C3%AFve");
    assertThat(base.resolve("what?", "x#y")).hasToString("gs://b/root/what%3F/x%23y");
    assertThat(base.resolve("what?").key()).isEqualTo("root/what?");
  }

  @Test
  void resolveWorksFromABaseWithOrWithoutTrailingSlash() {
    assertThat(DataReference.parse("s3://b/prefix").resolve("k")).hasToString("s3://b/prefix/k");
    assertThat(DataReference.parse("s3://b/prefix/").resolve("k")).hasToString("s3://b/prefix/k");
    assertThat(DataReference.parse("s3://b/pre%20fix").resolve("k"))
        .hasToString("s3://b/pre%20fix/k");
  }

  @Test
  void resolveResolvesDotSegmentsAsUrlsDo() {
    DataReference base = DataReference.parse("s3://b/a/b");

    assertThat(base.resolve("c", "..", "d")).hasToString("s3://b/a/b/d");
    assertThat(base.resolve("..", "..", "..", "x")).hasToString("s3://b/x");
    assertThat(base.resolve(".", "x")).hasToString("s3://b/a/b/x");
    assertThat(base.resolve("x", "..")).hasToString("s3://b/a/b/");
  }

  @Test
  void resolveWithoutKeysYieldsTheBaseAsADirectory() {
    assertThat(DataReference.parse("s3://b/a").resolve()).hasToString("s3://b/a/");
  }

  @Test
  void resolveWithALeadingEmptyKeyReplacesTheBasePathAsFlyteDoes() {
    assertThat(DataReference.parse("s3://b/metadata").resolve("", "x", "y"))
        .hasToString("s3://b/x/y");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a:b", "node_1:x/y", "bad%zz"})
  void resolveRejectsKeysThatAreNotRelativeUrlPaths(String key) {
    DataReference base = DataReference.parse("s3://b");

    assertThatThrownBy(() -> base.resolve(key, "rest"))
        .isInstanceOfSatisfying(
            FlyteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void colonsAreAllowedAfterTheFirstSegment() {
    assertThat(DataReference.parse("s3://b").resolve("a", "b:c")).hasToString("s3://b/a/b:c");
  }

  @Test
  void equalityFollowsTheCanonicalString() {
    assertThat(DataReference.parse("s3://b/k"))
        .isEqualTo(DataReference.of("s3", "b", "k"))
        .hasSameHashCodeAs(DataReference.of("s3", "b", "k"))
        .isNotEqualTo(DataReference.parse("gs://b/k"))
        .isNotEqualTo(DataReference.parse("s3://b/k/"));
  }
}

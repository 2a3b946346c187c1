package org.flyte.admin.service.version;

import flyteidl.admin.VersionOuterClass.GetVersionResponse;
import flyteidl.admin.VersionOuterClass.Version;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.stereotype.Service;

/**
 * The control plane's own version: the Maven project version, the git commit it was built from and
 * the build time, read from the build-info and git.properties files that the build writes.
 *
 * <p>Follows {@code flyteadmin/pkg/manager/impl/version_manager.go} (v1.16.8), where the values are
 * linked into the binary at build time.
 */
@Service
public class VersionService {

  private final GetVersionResponse response;

  public VersionService(ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git) {
    BuildProperties buildProperties = build.getIfAvailable();
    GitProperties gitProperties = git.getIfAvailable();
    Version.Builder version = Version.newBuilder();
    if (buildProperties != null) {
      version.setVersion(buildProperties.getVersion());
      if (buildProperties.getTime() != null) {
        version.setBuildTime(DateTimeFormatter.ISO_INSTANT.format(buildProperties.getTime()));
      }
    }
    if (gitProperties != null && gitProperties.getShortCommitId() != null) {
      version.setBuild(gitProperties.getShortCommitId());
    }
    this.response = GetVersionResponse.newBuilder().setControlPlaneVersion(version).build();
  }

  public GetVersionResponse get() {
    return response;
  }
}

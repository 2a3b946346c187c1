package org.flyte.common.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The versioned SQL migrations an app packages in its Flyway classpath locations, named and
 * checksummed as Flyway 12 resolves them ({@code SqlMigrationResolver}, {@code ResourceNameParser}
 * and {@code ChecksumCalculator}: a CRC32 over the file's lines decoded in the configured encoding,
 * without line terminators and without a leading byte-order mark).
 *
 * <p>Only the plain layout is read: files named {@code <prefix><version><separator><description>
 * <suffix>} directly in each location. Anything else there (repeatable migrations, SQL callbacks,
 * Java migrations, sub-folders, other files, two files of one version) is {@link FlywayNeeded}, so
 * that Flyway itself decides what it means.
 */
final class PackagedMigrations {

  private static final String CLASSPATH = "classpath:";
  private static final Pattern VERSION = Pattern.compile("[0-9]+([._][0-9]+)*");

  /** A migration file: what Flyway records for it in the schema history when it applies it. */
  record Migration(String version, String description, String script, int checksum) {}

  /**
   * How migration files are named and read ({@code spring.flyway.sql-migration-prefix}, {@code
   * sql-migration-separator}, {@code sql-migration-suffixes}, {@code encoding}).
   */
  record Naming(String prefix, String separator, List<String> suffixes, Charset encoding) {}

  private PackagedMigrations() {}

  /** The migrations in {@code locations}, in version order. */
  static List<Migration> find(
      ResourcePatternResolver resolver, List<String> locations, Naming naming) throws FlywayNeeded {
    if (locations.isEmpty()) {
      throw new FlywayNeeded("no migration location is configured");
    }
    List<Migration> migrations = new ArrayList<>();
    for (String location : locations) {
      String path = classpathFolder(location);
      int found = 0;
      for (Resource resource : resources(resolver, path)) {
        String name = resource.getFilename();
        if (name == null || name.isEmpty()) {
          continue; // a folder entry of a jar
        }
        if (!url(resource).endsWith("/" + path + "/" + name) || !resource.isReadable()) {
          throw new FlywayNeeded("location " + location + " holds more than migration files");
        }
        migrations.add(parse(name, naming, resource));
        found++;
      }
      if (found == 0) {
        throw new FlywayNeeded("location " + location + " holds no migration");
      }
    }
    migrations.sort(
        Comparator.comparing(migration -> MigrationVersion.fromVersion(migration.version())));
    for (int i = 1; i < migrations.size(); i++) {
      if (MigrationVersion.fromVersion(migrations.get(i - 1).version())
          .equals(MigrationVersion.fromVersion(migrations.get(i).version()))) {
        throw new FlywayNeeded("migration " + migrations.get(i).version() + " is packaged twice");
      }
    }
    return migrations;
  }

  private static String classpathFolder(String location) throws FlywayNeeded {
    if (!location.startsWith(CLASSPATH)) {
      throw new FlywayNeeded("location " + location + " is not a classpath folder");
    }
    String path = location.substring(CLASSPATH.length());
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty() || path.chars().anyMatch(c -> "{}*?\\".indexOf(c) >= 0)) {
      throw new FlywayNeeded("location " + location + " is not a plain classpath folder");
    }
    return path;
  }

  private static Resource[] resources(ResourcePatternResolver resolver, String path)
      throws FlywayNeeded {
    try {
      return resolver.getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + path + "/**");
    } catch (IOException e) {
      throw new FlywayNeeded("the classpath folder " + path + " cannot be listed: " + e);
    }
  }

  private static String url(Resource resource) throws FlywayNeeded {
    try {
      return resource.getURL().toString();
    } catch (IOException e) {
      throw new FlywayNeeded("a migration file has no URL: " + e);
    }
  }

  private static Migration parse(String name, Naming naming, Resource resource)
      throws FlywayNeeded {
    String suffix = naming.suffixes().stream().filter(name::endsWith).findFirst().orElse(null);
    if (suffix == null || !name.startsWith(naming.prefix())) {
      throw new FlywayNeeded(name + " is not a versioned SQL migration");
    }
    String stem = name.substring(naming.prefix().length(), name.length() - suffix.length());
    int separator = stem.indexOf(naming.separator());
    String version = separator < 0 ? "" : stem.substring(0, separator);
    if (!VERSION.matcher(version).matches()) {
      throw new FlywayNeeded(name + " is not a versioned SQL migration");
    }
    String description = stem.substring(separator + naming.separator().length()).replace('_', ' ');
    return new Migration(
        version.replace('_', '.'), description, name, checksum(resource, naming.encoding()));
  }

  /**
   * Flyway's checksum of a file: CRC32 over its lines' UTF-8 bytes, terminators and BOM left out.
   */
  static int checksum(Resource resource, Charset encoding) throws FlywayNeeded {
    CRC32 crc = new CRC32();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(resource.getInputStream(), encoding), 4096)) {
      String line = reader.readLine();
      if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      for (; line != null; line = reader.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new FlywayNeeded(resource.getFilename() + " cannot be read: " + e);
    }
    return (int) crc.getValue();
  }
}

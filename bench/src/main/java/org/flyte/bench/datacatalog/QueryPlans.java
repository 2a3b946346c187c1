package org.flyte.bench.datacatalog;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flyte.datacatalog.repository.ArtifactLookupRepository;
import org.flyte.datacatalog.repository.DatasetLookupRepository;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** {@code EXPLAIN (ANALYZE, BUFFERS)} of the statements behind the hot RPCs, on the seeded data. */
final class QueryPlans {

  private final NamedParameterJdbcTemplate jdbc;

  QueryPlans(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  String explain(int datasets, int hot) {
    int d = datasets / 2;
    Map<String, Object> dataset =
        Map.of(
            "project", CatalogSeeder.PROJECT,
            "name", CatalogSeeder.datasetName(d),
            "domain", CatalogSeeder.DOMAIN,
            "version", CatalogSeeder.VERSION);
    StringBuilder out = new StringBuilder();
    section(
        out,
        "GetArtifact by tag, hit",
        ArtifactLookupRepository.SELECT_BY_TAG,
        with(dataset, "tag", CatalogSeeder.tagName(d, hot - 1)));
    section(
        out,
        "GetArtifact by tag, miss",
        ArtifactLookupRepository.SELECT_BY_TAG,
        with(dataset, "tag", "flyte_cached-miss"));
    section(out, "GetDataset", DatasetLookupRepository.SELECT_BY_KEY, dataset);
    return out.toString();
  }

  private void section(StringBuilder out, String title, String sql, Map<String, Object> params) {
    List<String> plan =
        jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql, params, String.class);
    out.append("### ")
        .append(title)
        .append("\n\n```sql\n")
        .append(sql.strip())
        .append("\n```\n\n```\n");
    plan.forEach(line -> out.append(line).append('\n'));
    out.append("```\n\n");
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    var map = new java.util.HashMap<>(base);
    map.put(key, value);
    return map;
  }
}

package org.flyte.datacatalog.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.flyte.datacatalog.repository.row.ReservationRow;
import org.flyte.datacatalog.repository.row.TagKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code reservations}: the cache-serialization lock of one tag of a dataset. Acquiring, extending
 * and taking over an expired reservation are one atomic statement ({@code INSERT ... ON CONFLICT DO
 * UPDATE ... WHERE expired OR same owner}), so two callers can never both believe they hold it.
 *
 * <p>Follows {@code datacatalog/pkg/repositories/gormimpl/reservation.go} (v1.16.8), which does the
 * same in up to three statements (read, then insert-or-nothing or conditional update, then re-read
 * when it lost a race).
 */
@Repository
public class ReservationRepository {

  public static final String ACQUIRE =
      """
      INSERT INTO reservations AS r (created_at, updated_at, dataset_project, dataset_name,
                                     dataset_domain, dataset_version, tag_name, owner_id, expires_at)
      VALUES (:now, :now, :project, :name, :domain, :version, :tag, :owner, :expiresAt)
      ON CONFLICT (dataset_project, dataset_name, dataset_domain, dataset_version, tag_name)
      DO UPDATE SET owner_id = EXCLUDED.owner_id, expires_at = EXCLUDED.expires_at,
                    updated_at = EXCLUDED.updated_at
      WHERE r.expires_at <= :now OR r.owner_id = EXCLUDED.owner_id
      RETURNING r.owner_id, r.expires_at
      """;

  static final String SELECT =
      """
      SELECT owner_id, expires_at FROM reservations
      WHERE dataset_project = :project AND dataset_name = :name AND dataset_domain = :domain
        AND dataset_version = :version AND tag_name = :tag
      """;

  static final String RELEASE =
      """
      DELETE FROM reservations
      WHERE dataset_project = :project AND dataset_name = :name AND dataset_domain = :domain
        AND dataset_version = :version AND tag_name = :tag AND owner_id = :owner
      """;

  private static final int MAX_ATTEMPTS = 3;

  private final JdbcClient jdbc;

  public ReservationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes the reservation for {@code owner} until {@code expiresAt} when nobody holds it, it has
   * expired at {@code now}, or {@code owner} already holds it. Returns the reservation as it is
   * afterwards: held by {@code owner} when it succeeded, otherwise by its current holder.
   */
  public ReservationRow acquireOrExtend(TagKey key, String owner, Instant now, Instant expiresAt) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<ReservationRow> taken =
          keyed(jdbc.sql(ACQUIRE), key)
              .param("owner", owner)
              .param("now", Timestamps.utc(now))
              .param("expiresAt", Timestamps.utc(expiresAt))
              .query((rs, n) -> row(key, rs))
              .optional();
      if (taken.isPresent()) {
        return taken.get();
      }
      // Held by someone else: the statement locked the row without changing it. Read it in a new
      // statement, whose snapshot includes a holder that committed while the insert was waiting.
      Optional<ReservationRow> holder = find(key);
      if (holder.isPresent()) {
        return holder.get();
      }
      // The holder released it in between: try again.
    }
    throw new IllegalStateException(
        "reservation " + key + " changed hands " + MAX_ATTEMPTS + " times during one request");
  }

  /** The reservation of this tag, if any. */
  public Optional<ReservationRow> find(TagKey key) {
    return keyed(jdbc.sql(SELECT), key).query((rs, n) -> row(key, rs)).optional();
  }

  /** Deletes the reservation if {@code owner} holds it; returns the number of rows deleted. */
  public int release(TagKey key, String owner) {
    return keyed(jdbc.sql(RELEASE), key).param("owner", owner).update();
  }

  private static JdbcClient.StatementSpec keyed(JdbcClient.StatementSpec statement, TagKey key) {
    return statement
        .param("project", key.datasetProject())
        .param("name", key.datasetName())
        .param("domain", key.datasetDomain())
        .param("version", key.datasetVersion())
        .param("tag", key.tagName());
  }

  private static ReservationRow row(TagKey key, ResultSet rs) throws SQLException {
    Timestamp expiresAt = rs.getTimestamp("expires_at");
    return new ReservationRow(
        key, rs.getString("owner_id"), expiresAt == null ? Instant.EPOCH : expiresAt.toInstant());
  }
}

package org.flyte.admin.repository.signal;

import static org.flyte.admin.repository.JdbcValues.proto;

import flyteidl.admin.SignalOuterClass.Signal;
import flyteidl.core.IdentifierOuterClass.SignalIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.query.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code signals} table. Follows {@code flyteadmin/pkg/repositories/gormimpl/signal_repo.go}
 * (Flyte v1.16.8): a signal is created once per execution and id, its value set later.
 */
@Repository
public class SignalRepository {

  private static final String BY_KEY =
      " WHERE execution_project = :p AND execution_domain = :d AND execution_name = :n"
          + " AND signal_id = :s";

  private final JdbcClient jdbc;

  public SignalRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The signal {@code id} names. */
  public Optional<Signal> find(SignalIdentifier id) {
    return jdbc.sql("SELECT * FROM signals" + BY_KEY)
        .params(key(id))
        .query(SignalRepository::row)
        .optional();
  }

  /** Inserts a signal without a value unless one with its key exists. */
  public void insertIfAbsent(SignalIdentifier id, LiteralType type) {
    Map<String, Object> params = key(id);
    params.put("type", type.toByteArray());
    jdbc.sql(
            "INSERT INTO signals (created_at, updated_at, execution_project, execution_domain,"
                + " execution_name, signal_id, type) VALUES (now(), now(), :p, :d, :n, :s, :type)"
                + " ON CONFLICT DO NOTHING")
        .params(params)
        .update();
  }

  /** Sets the value of the signal {@code id}; false when there is none. */
  public boolean setValue(SignalIdentifier id, Literal value) {
    Map<String, Object> params = key(id);
    params.put("value", value.toByteArray());
    return jdbc.sql("UPDATE signals SET updated_at = now(), value = :value" + BY_KEY)
            .params(params)
            .update()
        > 0;
  }

  /** One page of an execution's signals. */
  public List<Signal> list(
      WorkflowExecutionIdentifier execution,
      List<Filter> filters,
      Optional<SortOrder> sort,
      PageRequest page) {
    SqlWhere where = SqlWhere.of(FilterEntity.SIGNAL, "s");
    where.add(Filter.eq(FilterEntity.SIGNAL, "execution_project", execution.getProject()));
    where.add(Filter.eq(FilterEntity.SIGNAL, "execution_domain", execution.getDomain()));
    where.add(Filter.eq(FilterEntity.SIGNAL, "execution_name", execution.getName()));
    where.add(filters);
    StringBuilder sql = new StringBuilder("SELECT s.* FROM signals s").append(where.sql());
    sql.append(" ORDER BY ");
    sort.ifPresent(s -> sql.append(s.sql("s")).append(", "));
    sql.append("s.id").append(page.sql());
    return jdbc.sql(sql.toString()).params(where.params()).query(SignalRepository::row).list();
  }

  private static Map<String, Object> key(SignalIdentifier id) {
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("p", id.getExecutionId().getProject());
    params.put("d", id.getExecutionId().getDomain());
    params.put("n", id.getExecutionId().getName());
    params.put("s", id.getSignalId());
    return params;
  }

  private static Signal row(ResultSet rs, int rowNumber) throws SQLException {
    Signal.Builder signal =
        Signal.newBuilder()
            .setId(
                SignalIdentifier.newBuilder()
                    .setSignalId(rs.getString("signal_id"))
                    .setExecutionId(
                        WorkflowExecutionIdentifier.newBuilder()
                            .setProject(rs.getString("execution_project"))
                            .setDomain(rs.getString("execution_domain"))
                            .setName(rs.getString("execution_name"))))
            .setType(proto(rs, "type", LiteralType.parser(), LiteralType.getDefaultInstance()));
    if (rs.getBytes("value") != null) {
      signal.setValue(proto(rs, "value", Literal.parser(), Literal.getDefaultInstance()));
    }
    return signal.build();
  }
}

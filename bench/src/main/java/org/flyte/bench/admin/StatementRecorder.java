package org.flyte.bench.admin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the app's {@link DataSource} so that, while armed, every query it runs is recorded with its
 * parameters: the benchmark then replays exactly those statements under {@code EXPLAIN (ANALYZE,
 * BUFFERS)}, so the plans shown are the plans of the SQL the RPCs really ran. Only connections
 * taken while armed are wrapped: the load phases run on the pool's own connections, without the
 * reflection of the wrappers.
 */
public final class StatementRecorder implements BeanPostProcessor {

  /** A query as it was executed: its SQL and the setter calls that bound its parameters. */
  public record Recorded(String sql, List<Binding> bindings) {

    /** Runs {@code EXPLAIN (ANALYZE, BUFFERS)} of this query on {@code connection}. */
    public List<String> explain(Connection connection) throws Exception {
      try (PreparedStatement explain =
          connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
        for (Binding binding : bindings) {
          binding.method().invoke(explain, binding.args());
        }
        List<String> lines = new ArrayList<>();
        try (ResultSet rows = explain.executeQuery()) {
          while (rows.next()) {
            lines.add(rows.getString(1));
          }
        }
        return lines;
      }
    }
  }

  public record Binding(Method method, Object[] args) {}

  private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
  private volatile boolean armed;

  public void arm() {
    recorded.clear();
    armed = true;
  }

  public List<Recorded> disarm() {
    armed = false;
    return List.copyOf(recorded);
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource) {
      return proxy(DataSource.class, dataSource, this::dataSourceCall);
    }
    return bean;
  }

  private Object dataSourceCall(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    return armed && result instanceof Connection connection
        ? proxy(Connection.class, connection, this::connectionCall)
        : result;
  }

  private Object connectionCall(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    if (result instanceof PreparedStatement statement
        && method.getName().equals("prepareStatement")) {
      String sql = (String) args[0];
      List<Binding> bindings = new ArrayList<>();
      return proxy(
          PreparedStatement.class,
          statement,
          (t, m, a) -> {
            if (m.getName().startsWith("set")
                && a != null
                && a.length >= 2
                && a[0] instanceof Integer) {
              bindings.add(new Binding(m, a.clone()));
            } else if (m.getName().equals("clearParameters")) {
              bindings.clear();
            } else if (armed
                && m.getName().equals("executeQuery")
                && (a == null || a.length == 0)) {
              recorded.add(new Recorded(sql, List.copyOf(bindings)));
            }
            return invoke(t, m, a);
          });
    }
    return result;
  }

  private interface Call {
    Object invoke(Object target, Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, T target, Call call) {
    InvocationHandler handler = (p, method, args) -> call.invoke(target, method, args);
    return type.cast(
        Proxy.newProxyInstance(
            StatementRecorder.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}

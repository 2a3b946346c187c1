package org.flyte.scheduler.service.leader;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's leadership: a PostgreSQL session-level advisory lock, held on a connection of its
 * own (outside the pool, so that returning a connection can never keep the lock alive). The server
 * releases the lock the moment that session ends: a replica that exits or crashes hands over at
 * once; one whose machine or network vanishes hands over when the server notices the dead
 * connection, which the session's TCP keepalive settings bound to about {@link #KEEPALIVE}. The
 * holder checks its session every retry period and steps down when the check fails.
 */
public final class LeaderLock implements AutoCloseable {

  /** The advisory lock key: the bytes of "flytesch". */
  public static final long LOCK_KEY = 0x666c797465736368L;

  /** How long the server takes at most to notice a vanished lock holder. */
  public static final Duration KEEPALIVE = Duration.ofSeconds(25);

  private static final Logger log = LoggerFactory.getLogger(LeaderLock.class);

  private final DataSource dataSource;
  private Connection session;

  public LeaderLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Whether this replica holds the lock now (taking it if it is free). */
  public synchronized boolean tryAcquire() {
    if (session != null) {
      return true;
    }
    Connection connection = null;
    try {
      connection = open();
      try (Statement settings = connection.createStatement()) {
        settings.execute("SET tcp_keepalives_idle = 10");
        settings.execute("SET tcp_keepalives_interval = 5");
        settings.execute("SET tcp_keepalives_count = 3");
        settings.execute("SET application_name = 'flytescheduler-leader'");
      }
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        lock.setLong(1, LOCK_KEY);
        try (ResultSet rs = lock.executeQuery()) {
          if (rs.next() && rs.getBoolean(1)) {
            session = connection;
            return true;
          }
        }
      }
      connection.close();
      return false;
    } catch (SQLException e) {
      log.warn("Could not try the scheduler's leader lock: {}", e.getMessage());
      closeQuietly(connection);
      return false;
    }
  }

  /** Whether the lock's session still answers within {@code timeout}; false drops the session. */
  public synchronized boolean stillHeld(Duration timeout) {
    if (session == null) {
      return false;
    }
    try {
      if (session.isValid((int) Math.max(1, timeout.toSeconds()))) {
        return true;
      }
    } catch (SQLException e) {
      log.warn("Leader lock session check failed: {}", e.getMessage());
    }
    closeQuietly(session);
    session = null;
    return false;
  }

  /** Gives the lock up: unlocks and closes the session. */
  @Override
  public synchronized void close() {
    if (session == null) {
      return;
    }
    try (PreparedStatement unlock = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, LOCK_KEY);
      unlock.execute();
    } catch (SQLException e) {
      log.debug("Unlock failed (closing the session releases it): {}", e.getMessage());
    }
    closeQuietly(session);
    session = null;
  }

  private Connection open() throws SQLException {
    if (dataSource instanceof HikariDataSource hikari) {
      Properties properties = new Properties();
      properties.putAll(hikari.getDataSourceProperties());
      if (hikari.getUsername() != null) {
        properties.setProperty("user", hikari.getUsername());
      }
      if (hikari.getPassword() != null) {
        properties.setProperty("password", hikari.getPassword());
      }
      return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
    }
    return dataSource.getConnection();
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("Closing the leader lock session: {}", e.getMessage());
    }
  }
}

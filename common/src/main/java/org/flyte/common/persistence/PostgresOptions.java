package org.flyte.common.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the {@code options} handling of {@code flyteadmin/pkg/repositories/database.go}
 * (v1.16.8), where Flyte appends {@code database.postgres.options} to a libpq key/value connection
 * string: parses that string and translates it into PostgreSQL JDBC driver parameters.
 *
 * <p>Translation: {@code sslmode}, {@code sslcert}, {@code sslkey}, {@code sslrootcert} and {@code
 * sslpassword} keep their names; {@code connect_timeout} becomes {@code connectTimeout}, {@code
 * application_name} {@code ApplicationName}, {@code target_session_attrs} {@code targetServerType}.
 * Any other key is, as Flyte's driver treats it, a server setting for the session (e.g. {@code
 * search_path=flyte}, {@code statement_timeout=30s}) and goes into the driver's {@code options}
 * parameter as {@code -c key=value}, after a literal {@code options} value if one is given. Keys
 * that have a dedicated configuration key ({@code host}, {@code port}, {@code dbname}, {@code
 * user}, {@code password}) and libpq features the JDBC driver lacks ({@code passfile}, {@code
 * service}, …) are rejected.
 */
public final class PostgresOptions {

  private static final Map<String, String> RENAMED =
      Map.of(
          "sslmode", "sslmode",
          "sslcert", "sslcert",
          "sslkey", "sslkey",
          "sslrootcert", "sslrootcert",
          "sslpassword", "sslpassword",
          "connect_timeout", "connectTimeout",
          "application_name", "ApplicationName");

  private static final Map<String, String> TARGET_SERVER_TYPES =
      Map.of(
          "any", "any",
          "read-write", "primary",
          "primary", "primary",
          "read-only", "secondary",
          "standby", "secondary",
          "prefer-standby", "preferSecondary");

  private static final Set<String> DEDICATED_KEYS =
      Set.of("host", "hostaddr", "port", "dbname", "database", "user", "password");

  private static final Set<String> UNSUPPORTED_KEYS =
      Set.of("passfile", "service", "servicefile", "krbsrvname", "krbspn", "sslsni");

  private PostgresOptions() {}

  /**
   * The JDBC parameters for a libpq-style options string such as {@code "sslmode=require
   * application_name='flyte admin'"}.
   *
   * @throws IllegalArgumentException if the string is malformed or names a key that cannot be used
   */
  public static Map<String, String> toJdbcParameters(String options) {
    Map<String, String> jdbc = new LinkedHashMap<>();
    List<String> serverOptions = new ArrayList<>();
    String literalOptions = null;
    for (Map.Entry<String, String> e : parse(options == null ? "" : options).entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (RENAMED.containsKey(key)) {
        jdbc.put(RENAMED.get(key), value);
      } else if (key.equals("target_session_attrs")) {
        String type = TARGET_SERVER_TYPES.get(value);
        if (type == null) {
          throw invalid("target_session_attrs has an unknown value '" + value + "'");
        }
        jdbc.put("targetServerType", type);
      } else if (key.equals("options")) {
        literalOptions = value;
      } else if (DEDICATED_KEYS.contains(key)) {
        throw invalid(
            "'" + key + "' cannot be set in options; use its own database.postgres key instead");
      } else if (UNSUPPORTED_KEYS.contains(key)) {
        throw invalid("'" + key + "' is not supported");
      } else {
        serverOptions.add("-c " + key + "=" + value.replace("\\", "\\\\").replace(" ", "\\ "));
      }
    }
    if (literalOptions != null) {
      serverOptions.add(0, literalOptions);
    }
    if (!serverOptions.isEmpty()) {
      jdbc.put("options", String.join(" ", serverOptions));
    }
    return jdbc;
  }

  /**
   * Parses a libpq key/value connection string: {@code key = value} pairs separated by whitespace,
   * values optionally in single quotes, with backslash escaping the next character. Later keys win.
   */
  static Map<String, String> parse(String conninfo) {
    Map<String, String> result = new LinkedHashMap<>();
    int i = 0;
    int n = conninfo.length();
    while (true) {
      while (i < n && Character.isWhitespace(conninfo.charAt(i))) {
        i++;
      }
      if (i == n) {
        return result;
      }
      int keyStart = i;
      while (i < n && conninfo.charAt(i) != '=' && !Character.isWhitespace(conninfo.charAt(i))) {
        i++;
      }
      String key = conninfo.substring(keyStart, i);
      while (i < n && Character.isWhitespace(conninfo.charAt(i))) {
        i++;
      }
      if (key.isEmpty() || i == n || conninfo.charAt(i) != '=') {
        throw invalid("expected key=value at '" + conninfo.substring(keyStart) + "'");
      }
      i++;
      while (i < n && Character.isWhitespace(conninfo.charAt(i))) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      boolean quoted = i < n && conninfo.charAt(i) == '\'';
      if (quoted) {
        i++;
      }
      while (i < n) {
        char c = conninfo.charAt(i);
        if (quoted ? c == '\'' : Character.isWhitespace(c)) {
          break;
        }
        if (c == '\\' && i + 1 < n) {
          c = conninfo.charAt(++i);
        }
        value.append(c);
        i++;
      }
      if (quoted) {
        if (i == n) {
          throw invalid("unterminated quoted value for '" + key + "'");
        }
        i++;
      }
      result.put(key, value.toString());
    }
  }

  private static IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException("Invalid database options: " + message);
  }
}

package org.flyte.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The catalog of a database's current schema, for comparing two schemas: every relation, column,
 * constraint, index, sequence, trigger and function, as {@code "<kind> <table>.<name>"} → its
 * definition. Schema names are removed from definitions, so that schemas in different databases or
 * namespaces compare equal.
 */
public record SchemaSnapshot(SortedMap<String, String> objects) {

  public static SchemaSnapshot of(DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String schema = jdbc.queryForObject("SELECT current_schema()", String.class);
    SortedMap<String, String> objects = new TreeMap<>();
    jdbc.query(
        """
        SELECT coalesce(t.relname, c.relname), c.relname, c.relkind
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_index i ON i.indexrelid = c.oid
        LEFT JOIN pg_depend d ON c.relkind = 'S' AND d.objid = c.oid AND d.deptype IN ('a', 'i')
          AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
        LEFT JOIN pg_class t ON t.oid = coalesce(i.indrelid, d.refobjid)
        WHERE n.nspname = current_schema()
        """,
        rs -> {
          objects.put(
              "relation " + rs.getString(1) + "." + rs.getString(2), "relkind " + rs.getString(3));
        });
    jdbc.query(
        """
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0
          AND NOT a.attisdropped
        """,
        rs -> {
          String definition =
              rs.getString(3)
                  + (rs.getBoolean(4) ? " NOT NULL" : "")
                  + (rs.getString(5) == null ? "" : " DEFAULT " + rs.getString(5))
                  + (rs.getString(6).isEmpty() ? "" : " IDENTITY " + rs.getString(6))
                  + (rs.getString(7).isEmpty() ? "" : " GENERATED " + rs.getString(7));
          objects.put(
              "column " + rs.getString(1) + "." + rs.getString(2),
              withoutSchema(definition, schema));
        });
    jdbc.query(
        """
        SELECT c.relname, con.conname, con.contype, pg_get_constraintdef(con.oid)
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema()
        """,
        rs -> {
          objects.put(
              "constraint " + rs.getString(1) + "." + rs.getString(2),
              rs.getString(3) + " " + withoutSchema(rs.getString(4), schema));
        });
    jdbc.query(
        "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()",
        rs -> {
          objects.put(
              "index " + rs.getString(1) + "." + rs.getString(2),
              withoutSchema(rs.getString(3), schema));
        });
    jdbc.query(
        """
        SELECT coalesce(t.relname, '-'), s.relname,
               format_type(q.seqtypid, NULL) || ' start ' || q.seqstart || ' increment '
                 || q.seqincrement || ' min ' || q.seqmin || ' max ' || q.seqmax || ' cache '
                 || q.seqcache || ' cycle ' || q.seqcycle || ' owned by '
                 || coalesce(t.relname || '.' || a.attname, '-')
        FROM pg_sequence q
        JOIN pg_class s ON s.oid = q.seqrelid
        JOIN pg_namespace n ON n.oid = s.relnamespace
        LEFT JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
          AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
        LEFT JOIN pg_class t ON t.oid = d.refobjid
        LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE n.nspname = current_schema()
        """,
        rs -> {
          objects.put("sequence " + rs.getString(1) + "." + rs.getString(2), rs.getString(3));
        });
    jdbc.query(
        """
        SELECT c.relname, tg.tgname, pg_get_triggerdef(tg.oid)
        FROM pg_trigger tg
        JOIN pg_class c ON c.oid = tg.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND NOT tg.tgisinternal
        """,
        rs -> {
          objects.put(
              "trigger " + rs.getString(1) + "." + rs.getString(2),
              withoutSchema(rs.getString(3), schema));
        });
    jdbc.query(
        """
        SELECT p.proname, pg_get_function_identity_arguments(p.oid)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema()
        """,
        rs -> {
          objects.put("function -." + rs.getString(1), rs.getString(2));
        });
    return new SchemaSnapshot(objects);
  }

  private static String withoutSchema(String definition, String schema) {
    return definition.replace(schema + ".", "");
  }

  /** The names of the tables. */
  public TreeSet<String> tables() {
    TreeSet<String> tables = new TreeSet<>();
    objects.forEach(
        (key, definition) -> {
          if (key.startsWith("relation ") && definition.equals("relkind r")) {
            tables.add(table(key));
          }
        });
    return tables;
  }

  /**
   * How this snapshot differs from {@code expected}, one line per object that is missing,
   * unexpected or defined differently; empty when both are identical.
   */
  public List<String> differencesFrom(SchemaSnapshot expected) {
    List<String> differences = new ArrayList<>();
    SortedSet<String> keys = new TreeSet<>(expected.objects.keySet());
    keys.addAll(objects.keySet());
    for (String key : keys) {
      String want = expected.objects.get(key);
      String have = objects.get(key);
      if (have == null) {
        differences.add("missing    " + key + ": " + want);
      } else if (want == null) {
        differences.add("unexpected " + key + ": " + have);
      } else if (!want.equals(have)) {
        differences.add("different  " + key + ": expected [" + want + "] but was [" + have + "]");
      }
    }
    return differences;
  }

  /** This snapshot without the objects that belong to {@code table}. */
  public SchemaSnapshot without(String table) {
    SortedMap<String, String> rest = new TreeMap<>();
    for (Map.Entry<String, String> e : objects.entrySet()) {
      if (!table(e.getKey()).equals(table)) {
        rest.put(e.getKey(), e.getValue());
      }
    }
    return new SchemaSnapshot(rest);
  }

  private static String table(String key) {
    String qualified = key.substring(key.indexOf(' ') + 1);
    return qualified.substring(0, qualified.indexOf('.'));
  }
}

package org.waymark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the statements one referral made, as PostgreSQL logged them (log_statement = all), into a pgbench script that
 * makes exactly those statements again, in the same order, transactions and connection.
 *
 * <p>What must differ between runs is renewed per run of the script, in one statement that takes the place of the
 * referral's own {@code select nextval(...)}: so the replay makes as many round trips as the server did. Renewed: every
 * UUID that an insert wrote (new rows' keys, and every literal that carries them), the case reference (from the same
 * sequence, as the server makes it), and the fresh words given on the command line (the subject's names and the
 * idempotency key), each given a random suffix so lookups by name see as few rows as they do under varied intake.
 * Everything else is replayed as logged. A renewed value is a pgbench variable, so the script runs with -M prepared,
 * as the server's driver does.
 *
 * <pre>java org.waymark.bench.StatementReplay LOG START END REFERENCE OUT [FRESH...]</pre>
 * START and END are texts logged by a marker statement just before and just after the referral.
 */
public final class StatementReplay {

    private static final Pattern LINE = Pattern.compile("^\\S+ \\S+ \\S+ \\[(\\d+)\\] \\S* ?([A-Z]+):  (.*)$");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NEXTVAL = Pattern.compile("(?i)select nextval\\('([a-z_]+)'\\)");
    private static final Pattern REFERENCE = Pattern.compile("^(.*?)(\\d+)$");

    private record Entry(String pid, String kind, String text) { }

    /** One statement as the server sent it: SQL with $n placeholders and the values logged for them. */
    private record Statement(String sql, List<String> parameters) { }

    private StatementReplay() { }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: StatementReplay LOG START END REFERENCE OUT [FRESH...]");
            System.exit(2);
        }
        List<Statement> statements = statements(Files.readAllLines(Path.of(args[0])), args[1], args[2]);
        List<String> fresh = List.of(args).subList(5, args.length);
        String script = script(statements, args[3], fresh);
        Files.writeString(Path.of(args[4]), script);
        System.out.printf("%d statements replayed, %d of them writes%n", statements.size(),
                statements.stream().filter(s -> s.sql().matches("(?is)\\s*(insert|update|delete).*")).count());
    }

    static List<Statement> statements(List<String> lines, String start, String end) {
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                entries.add(new Entry(m.group(1), m.group(2), m.group(3)));
            } else if (line.startsWith("\t") && !entries.isEmpty()) {
                Entry last = entries.removeLast();
                entries.add(new Entry(last.pid(), last.kind(), last.text() + "\n" + line.substring(1)));
            }
        }
        int from = -1;
        int to = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).text().contains("'" + start + "'")) {
                from = i;
            } else if (from >= 0 && entries.get(i).text().contains("'" + end + "'")) {
                to = i;
                break;
            }
        }
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("markers " + start + " and " + end + " not both in the log");
        }
        String markerPid = entries.get(from).pid();
        List<Statement> statements = new ArrayList<>();
        for (int i = from + 1; i < to; i++) {
            Entry e = entries.get(i);
            if (!e.kind().equals("LOG") || e.pid().equals(markerPid)) {
                continue;
            }
            String sql;
            if (e.text().startsWith("statement: ")) {
                sql = e.text().substring("statement: ".length());
            } else if (e.text().startsWith("execute ")) {
                sql = e.text().substring(e.text().indexOf(": ") + 2);
            } else {
                continue;
            }
            if (sql.isBlank()) {
                continue; // the pool's liveness check on a connection idle for a while: not part of the work
            }
            List<String> parameters = List.of();
            if (i + 1 < to && entries.get(i + 1).kind().equals("DETAIL") && entries.get(i + 1).pid().equals(e.pid())
                    && entries.get(i + 1).text().startsWith("parameters: ")) {
                parameters = parameters(entries.get(i + 1).text().substring("parameters: ".length()));
            }
            statements.add(new Statement(sql, parameters));
        }
        return statements;
    }

    /** Parses {@code $1 = 'a''b', $2 = NULL}: each value as an SQL literal, quotes kept. */
    static List<String> parameters(String text) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf(" = ", i);
            if (eq < 0) {
                break;
            }
            i = eq + 3;
            if (text.startsWith("NULL", i)) {
                values.add("NULL");
                i += 4;
            } else {
                int j = i + 1;
                while (j < text.length()) {
                    if (text.charAt(j) == '\'') {
                        if (j + 1 < text.length() && text.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                values.add(text.substring(i, j + 1));
                i = j + 1;
            }
            i = text.indexOf('$', i) < 0 ? text.length() : text.indexOf('$', i);
        }
        return values;
    }

    static String script(List<Statement> statements, String reference, List<String> fresh) {
        Set<String> newIds = new LinkedHashSet<>();
        for (Statement s : statements) {
            if (s.sql().trim().toLowerCase(Locale.ROOT).startsWith("insert")) {
                s.parameters().forEach(p -> UUID.matcher(p).results().forEach(r -> newIds.add(r.group())));
            }
        }
        Matcher ref = REFERENCE.matcher(reference);
        if (!ref.matches()) {
            throw new IllegalArgumentException("a reference ends in its sequence number: " + reference);
        }
        // Each renewed word and its replacement, as an SQL expression over the header's columns.
        Map<String, String> renewed = new LinkedHashMap<>();
        renewed.put(reference, "'" + ref.group(1) + "' || lpad(seq::text, " + ref.group(2).length() + ", '0')");
        int n = 0;
        for (String id : newIds) {
            renewed.put(id, "u" + n++);
        }
        for (String word : fresh) {
            renewed.put(word, "'" + word + "' || s");
            renewed.put(word.toLowerCase(Locale.ROOT), "'" + word.toLowerCase(Locale.ROOT) + "' || s");
            renewed.put(word.toUpperCase(Locale.ROOT), "'" + word.toUpperCase(Locale.ROOT) + "' || s");
        }

        Map<String, String> variables = new LinkedHashMap<>(); // literal -> variable name
        List<String> body = new ArrayList<>();
        String sequence = null;
        int headerAt = -1;
        for (Statement s : statements) {
            Matcher next = NEXTVAL.matcher(s.sql().trim());
            if (next.matches() && sequence == null) {
                sequence = next.group(1);
                continue;
            }
            int before = variables.size();
            body.add(substitute(s, renewed, variables) + ";");
            if (headerAt < 0 && variables.size() > before) {
                headerAt = body.size() - 1;
            }
        }
        if (sequence == null) {
            throw new IllegalArgumentException("the referral drew no case number: no select nextval(...) in the log");
        }
        StringBuilder header = new StringBuilder("select seq");
        for (Map.Entry<String, String> v : variables.entrySet()) {
            header.append(",\n  ").append(expression(v.getKey(), renewed)).append(" as ").append(v.getValue());
        }
        header.append("\nfrom (select nextval('").append(sequence).append("') as seq, (random() * 1e15)::bigint::text as s");
        for (int i = 0; i < newIds.size(); i++) {
            header.append(", gen_random_uuid()::text as u").append(i);
        }
        header.append(") fresh \\gset");
        String headerSql = header.toString();
        StringBuilder out = new StringBuilder("-- Generated by bench/intake-replay.sh from PostgreSQL's statement log: one referral's statements.\n");
        // The header takes the place of the referral's own nextval round trip, just before the first renewed value is used.
        body.add(Math.max(headerAt, 0), headerSql);
        body.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /** The statement with each $n replaced: by the logged literal, or by a variable when the literal holds a renewed word. */
    private static String substitute(Statement s, Map<String, String> renewed, Map<String, String> variables) {
        StringBuilder sql = new StringBuilder();
        String text = s.sql();
        Matcher m = Pattern.compile("\\$(\\d+)").matcher(text);
        int last = 0;
        while (m.find()) {
            sql.append(text, last, m.start());
            String literal = s.parameters().get(Integer.parseInt(m.group(1)) - 1);
            boolean renew = renewed.keySet().stream().anyMatch(literal::contains);
            sql.append(renew ? ":" + variables.computeIfAbsent(literal, k -> "v" + variables.size()) : literal);
            last = m.end();
        }
        sql.append(text.substring(last));
        return sql.toString().replace("\n", " ");
    }

    /** An SQL expression giving the literal with every renewed word in it replaced. */
    private static String expression(String literal, Map<String, String> renewed) {
        String value = literal.substring(1, literal.length() - 1);
        String expression = "'" + value + "'";
        for (Map.Entry<String, String> r : renewed.entrySet()) {
            if (value.contains(r.getKey())) {
                expression = "replace(" + expression + ", '" + r.getKey() + "', " + r.getValue() + ")";
            }
        }
        return expression;
    }
}

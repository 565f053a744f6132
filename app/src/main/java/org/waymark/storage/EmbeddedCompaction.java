package org.waymark.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Rewrites the embedded database's file so that erased rows leave no copy in it. H2 writes every change to new pages
 * and keeps the old ones in the file as free space, so a deleted row stays readable in {@code waymark.mv.db} until the
 * file is compacted, which H2 does only when it closes with {@code SHUTDOWN COMPACT} (ADR 21; a checkpoint or
 * {@code MVStore.compactFile} leaves the old pages, as a test showed). So the pool is suspended (requests wait, none
 * fails), its connections are closed, the database is shut down compacted and the pool resumed, which opens the new
 * file. Only the process that holds the file may do it; a command connected through a running service's automatic
 * server leaves it to the service's nightly retention run. Does nothing on PostgreSQL, which vacuums.
 */
@Component
public class EmbeddedCompaction {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCompaction.class);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final DataSource dataSource;

    EmbeddedCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a compaction did. */
    public enum Outcome { COMPACTED, NOT_EMBEDDED, NOT_THE_OWNER, BUSY }

    public synchronized Outcome compact() {
        HikariDataSource hikari;
        try {
            hikari = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            return Outcome.NOT_EMBEDDED;
        }
        if (hikari.getJdbcUrl() == null || !hikari.getJdbcUrl().regionMatches(true, 0, EmbeddedDatabase.PREFIX, 0, EmbeddedDatabase.PREFIX.length())) {
            return Outcome.NOT_EMBEDDED;
        }
        try (Connection probe = hikari.getConnection()) {
            if (!(probe.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal)) {
                return Outcome.NOT_THE_OWNER;
            }
        } catch (SQLException e) {
            log.warn("embedded database compaction skipped: {}", e.getMessage());
            return Outcome.BUSY;
        }
        var pool = hikari.getHikariPoolMXBean();
        pool.suspendPool();
        try {
            pool.softEvictConnections();
            Instant until = Instant.now().plus(DRAIN);
            while (pool.getActiveConnections() > 0 && Instant.now().isBefore(until)) {
                Thread.sleep(20);
                pool.softEvictConnections();
            }
            if (pool.getActiveConnections() > 0) {
                log.warn("embedded database compaction postponed: connections still in use after {}", DRAIN);
                return Outcome.BUSY;
            }
            long before = System.nanoTime();
            try (Connection own = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword())) {
                own.createStatement().execute("SHUTDOWN COMPACT");
            }
            log.info("embedded database compacted in {} ms", (System.nanoTime() - before) / 1_000_000);
            return Outcome.COMPACTED;
        } catch (SQLException e) {
            log.warn("embedded database compaction failed: {}", e.getMessage());
            return Outcome.BUSY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.BUSY;
        } finally {
            pool.softEvictConnections();
            pool.resumePool();
        }
    }
}

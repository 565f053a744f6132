package org.waymark.access.internal;

import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Session attributes written as upserts. Requests of one session run at once (two tabs, a page and the form it
 * posts): each may add the same new attribute (the CSRF token on the first form rendered), and Spring Session's
 * plain insert then fails the second on the attributes' primary key, a 500 (found by bench/breaking-point.sh).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SessionAttributes {

    /** H2's form of the same upsert; parameters in Spring Session's order (session, name, bytes). */
    static final String H2_MERGE = "MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) "
            + "KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertedSessionAttributes(DataSource dataSource) throws SQLException {
        String product;
        try (var connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        }
        if (product.contains("postgres")) {
            return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        }
        return repository -> repository.setCreateSessionAttributeQuery(H2_MERGE);
    }
}

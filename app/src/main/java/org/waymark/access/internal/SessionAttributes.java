package org.waymark.access.internal;

import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
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

    /**
     * H2's MERGE is an update, then an insert when nothing was updated: two requests adding the same attribute at
     * the same moment can both find nothing and both insert, and the second fails on the key. Spring Session writes a
     * session's changes in one transaction and clears them only after it commits, so running that transaction once
     * more finds the row and updates it. PostgreSQL's upsert never gets here.
     */
    @Bean
    static BeanPostProcessor sessionWritesRetriedOnAKeyRace(ObjectProvider<PlatformTransactionManager> transactions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                    configuration.setTransactionOperations(new RetriedOnKeyRace(transactions));
                }
                return bean;
            }
        };
    }

    /** A transaction that, when it loses a race to insert the same key, runs once more. */
    static final class RetriedOnKeyRace implements TransactionOperations {
        private final ObjectProvider<PlatformTransactionManager> transactions;
        private volatile TransactionTemplate template;

        RetriedOnKeyRace(ObjectProvider<PlatformTransactionManager> transactions) {
            this.transactions = transactions;
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            if (template == null) {
                template = new TransactionTemplate(transactions.getObject());
            }
            try {
                return template.execute(action);
            } catch (DataIntegrityViolationException lostTheRace) {
                return template.execute(action);
            }
        }
    }
}

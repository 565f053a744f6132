package org.waymark.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.waymark.support.IntegrationTest;

/**
 * Session writes that lose a race to insert the same attribute (H2's MERGE is not atomic) run once more instead of
 * failing the request; the session repository the application runs with is the one that does so.
 */
class SessionWritesIntegrationTest extends IntegrationTest {

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Test
    void theRunningSessionRepositoryRetriesAWriteThatLostAKeyRaceOnceAndOnlyOnce() {
        var operations = ReflectionTestUtils.getField(sessions, "transactionOperations");
        assertThat(operations).isInstanceOf(SessionAttributes.RetriedOnKeyRace.class);
        var retried = (SessionAttributes.RetriedOnKeyRace) operations;

        var attempts = new AtomicInteger();
        String saved = retried.execute(status -> {
            if (attempts.incrementAndGet() == 1) {
                throw new DuplicateKeyException("another request inserted the same attribute first");
            }
            return "updated";
        });
        assertThat(saved).isEqualTo("updated");
        assertThat(attempts).hasValue(2);

        var always = new AtomicInteger();
        assertThatThrownBy(() -> retried.execute(status -> {
            always.incrementAndGet();
            throw new DuplicateKeyException("a real conflict");
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(always).as("a second loss is a real error, not retried for ever").hasValue(2);
    }
}

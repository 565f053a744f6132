package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Every job locked across nodes can be locked: ShedLock's proxy refuses, on every run, a method that returns a
 * primitive, so such a job never runs at all (the draft purge did exactly that, its refusal only in the log).
 */
class ScheduledJobsUnitTest {

    @Test
    void everyLockedJobIsScheduledAndReturnsNothingShedLockCannotLock() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        List<Method> locked = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.waymark")) {
            var type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            for (var nested : withNested(type)) {
                for (var method : nested.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(SchedulerLock.class)) {
                        locked.add(method);
                    }
                }
            }
        }
        assertThat(locked).as("locked jobs found").hasSizeGreaterThanOrEqualTo(8);
        for (var method : locked) {
            assertThat(method.getReturnType().isPrimitive() && method.getReturnType() != void.class)
                    .as(method + " returns a primitive, which ShedLock refuses to lock").isFalse();
            assertThat(method.isAnnotationPresent(Scheduled.class)).as(method + " is locked but never scheduled").isTrue();
        }
    }

    private static List<Class<?>> withNested(Class<?> type) {
        var all = new ArrayList<Class<?>>(List.of(type));
        for (var nested : type.getDeclaredClasses()) {
            all.addAll(withNested(nested));
        }
        return all;
    }
}

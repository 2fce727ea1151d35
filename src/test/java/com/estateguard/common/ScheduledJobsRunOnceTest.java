package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;
import java.util.regex.Pattern;

/**
 * With two or more nodes every scheduled job must run once, not once per node (issue 12 section 5):
 * each {@code @Scheduled} method in the application also carries ShedLock's {@code @SchedulerLock}
 * with a name no other job uses.
 */
class ScheduledJobsRunOnceTest {

    @Test
    void everyScheduledMethodHoldsItsOwnSchedulerLock() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile("com\\.estateguard\\..*")));
        List<String> scheduled = new ArrayList<>();
        List<String> unlocked = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.estateguard")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
                    String job = type.getSimpleName() + "." + method.getName();
                    scheduled.add(job);
                    SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
                    if (lock == null || lock.name().isBlank()) {
                        unlocked.add(job);
                    } else {
                        names.add(lock.name());
                    }
                }
            }
        }
        assertThat(scheduled).as("the scan finds the known jobs")
                .contains("Sealer.sealRecentOnSchedule", "RetentionPurge.nightlyOnSchedule", "HygieneTasks.generateTodayOnSchedule");
        assertThat(unlocked).as("@Scheduled methods without @SchedulerLock").isEmpty();
        assertThat(names).as("lock names").doesNotHaveDuplicates();
    }
}

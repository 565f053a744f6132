package org.waymark.retention.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The record of processing activities as the configuration in force makes it. */
@Component
class ProcessingRecords {

    private final RetentionSettings retention;
    private final SubjectAccessSettings subjectAccess;
    private final Duration breakGlass;
    private final Duration drafts;

    ProcessingRecords(RetentionSettings retention, SubjectAccessSettings subjectAccess,
            @Value("${waymark.break-glass.duration:PT8H}") Duration breakGlass,
            @Value("${waymark.referral.draft-retention:P28D}") Duration drafts) {
        this.retention = retention;
        this.subjectAccess = subjectAccess;
        this.breakGlass = breakGlass;
        this.drafts = drafts;
    }

    ProcessingRecord current() {
        return ProcessingRecord.of(retention, subjectAccess, breakGlass, drafts);
    }
}

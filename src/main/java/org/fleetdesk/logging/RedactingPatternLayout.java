package org.fleetdesk.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * A logback pattern layout whose output passes through {@link Redactor}: the message, its arguments, exception
 * messages and stack traces alike, so no code path can write a token to a log.
 */
public final class RedactingPatternLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        return Redactor.redact(super.doLayout(event));
    }
}

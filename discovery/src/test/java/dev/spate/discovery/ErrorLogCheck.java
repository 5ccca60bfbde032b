package dev.spate.discovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test if anything logged at WARN or above while it ran: bad input must be handled quietly
 * (DEBUG at most), and Netty's "exception reached the tail of the pipeline" and leak reports are
 * WARN and ERROR. Use with {@code @ExtendWith(ErrorLogCheck.class)}.
 */
public final class ErrorLogCheck implements BeforeEachCallback, AfterEachCallback {
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private Appender appender;

    @Override
    public void beforeEach(ExtensionContext context) {
        events.clear();
        appender = new AbstractAppender("error-log-check", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
                    events.add(event.getLevel() + " " + event.getLoggerName() + ": "
                            + event.getMessage().getFormattedMessage()
                            + (event.getThrown() == null ? "" : " (" + event.getThrown() + ")"));
                }
            }
        };
        appender.start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().addAppender(appender, Level.WARN, null);
        ctx.updateLoggers();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender(appender.getName());
        ctx.updateLoggers();
        appender.stop();
        if (!events.isEmpty()) {
            throw new AssertionError("logged at WARN or above during the test:\n  " + String.join("\n  ", events));
        }
    }
}

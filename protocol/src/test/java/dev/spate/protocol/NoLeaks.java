package dev.spate.protocol;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails a test after which Netty reports a leaked buffer; registered for every test by autodetection. */
public final class NoLeaks implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        TestLeaks.assertNoLeaks();
    }
}

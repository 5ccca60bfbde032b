package dev.spate.protocol;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Installs {@link TestLeaks} when the test run opens, before any test class loads a ByteBuf. */
public final class LeakDetectionSession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        TestLeaks.install();
    }
}

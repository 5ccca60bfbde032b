package dev.spate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used, user plus system: this JVM's from its management bean, another
 * process's from {@code /proc/PID/stat} (Linux; clock ticks of 1/100 s). -1 when unknown.
 */
interface ProcessCpu {

    long nanos();

    static ProcessCpu self() {
        return () -> ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }

    static ProcessCpu of(long pid, long ticksPerSecond) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        return () -> {
            try {
                String s = Files.readString(stat);
                // Fields after the command name (which may hold spaces, inside parentheses): utime is
                // the 14th field of the line, stime the 15th.
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                return ticks * 1_000_000_000L / ticksPerSecond;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        };
    }

    static ProcessCpu unknown() {
        return () -> -1;
    }
}

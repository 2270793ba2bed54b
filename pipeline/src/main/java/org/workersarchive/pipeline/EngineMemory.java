package org.workersarchive.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How many OCR engine processes this machine's memory holds. Each is a JVM of 512 MB heap with
 * Tesseract's four models and the orientation model loaded: about 510 MB resident measured
 * (README, Memory), so 600 MB is counted for each. Asked for more than fit (twelve on a machine
 * with 3 GB free), the engines would push each other into swap or be killed by the kernel.
 */
public final class EngineMemory {

    /** What one engine process is counted to need. */
    public static final long ENGINE_BYTES = 600L * 1024 * 1024;

    private EngineMemory() {
    }

    /** The number of engines to start: as many as asked, at most as many as the memory holds, at least one. */
    public static int cap(int requested, long availableBytes) {
        return (int) Math.max(1, Math.min(requested, availableBytes / ENGINE_BYTES));
    }

    /**
     * The config with its workers capped to what this machine's available memory holds; says so
     * on {@code out} when it lowers them.
     */
    public static PipelineConfig capped(PipelineConfig config, java.io.PrintStream out) {
        long available = availableBytes();
        int workers = cap(config.workers(), available);
        if (workers == config.workers()) {
            return config;
        }
        out.printf(Locale.ROOT, "archive: %d workers lowered to %d: each OCR engine process needs about %d MB, and "
                + "this machine has %.1f GB available%n", config.workers(), workers, ENGINE_BYTES >> 20, available / 1e9);
        return config.withWorkers(workers);
    }

    /** Memory available for new processes: MemAvailable from /proc/meminfo, else what the JVM sees free. */
    public static long availableBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException notLinux) {
            // below
        }
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getFreeMemorySize();
    }
}

package org.workersarchive.pipeline.archive;

import java.time.Duration;
import java.util.Objects;

/**
 * How the archive's store treats inputs that fail.
 *
 * @param inboxFailureRest     an inbox file that fails sooner than this after its last change is not
 *                             failed yet: it may be a copy that paused; it stays and is taken again
 *                             once it has rested this long
 * @param failedCopyLimitBytes a failed input larger than this is not copied to failed/: it stays
 *                             where it is, and the reason says so
 */
public record StoreLimits(Duration inboxFailureRest, long failedCopyLimitBytes) {

    public StoreLimits {
        Objects.requireNonNull(inboxFailureRest, "inboxFailureRest");
        if (inboxFailureRest.isNegative()) {
            throw new IllegalArgumentException("the inbox failure rest may not be negative: " + inboxFailureRest);
        }
        if (failedCopyLimitBytes < 1) {
            throw new IllegalArgumentException("the failed copy limit must be positive: " + failedCopyLimitBytes);
        }
    }

    /** A minute's rest; copies of failed inputs up to 1 GiB. */
    public static StoreLimits defaults() {
        return new StoreLimits(Duration.ofSeconds(60), 1024L * 1024 * 1024);
    }
}

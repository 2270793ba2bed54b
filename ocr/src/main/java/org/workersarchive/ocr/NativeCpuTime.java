package org.workersarchive.ocr;

/**
 * CPU time spent in the native libraries that read pages: Tesseract (recognition and orientation
 * detection) and Leptonica (reading, evening out, turning and writing page images), in
 * nanoseconds. What a run spends beyond these is the pipeline's own work.
 */
public record NativeCpuTime(long tesseractNanos, long leptonicaNanos) {

    public static final NativeCpuTime ZERO = new NativeCpuTime(0, 0);

    public NativeCpuTime {
        if (tesseractNanos < 0 || leptonicaNanos < 0) {
            throw new IllegalArgumentException("CPU time cannot be negative: " + tesseractNanos + ", " + leptonicaNanos);
        }
    }

    public NativeCpuTime plus(NativeCpuTime other) {
        return new NativeCpuTime(tesseractNanos + other.tesseractNanos, leptonicaNanos + other.leptonicaNanos);
    }

    /** What was spent since {@code earlier}, a reading of the same clock. */
    public NativeCpuTime since(NativeCpuTime earlier) {
        return new NativeCpuTime(tesseractNanos - earlier.tesseractNanos, leptonicaNanos - earlier.leptonicaNanos);
    }
}

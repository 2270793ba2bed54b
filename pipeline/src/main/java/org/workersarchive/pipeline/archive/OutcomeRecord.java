package org.workersarchive.pipeline.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The durable record of every input's outcome ({@code ARCHIVE/outcomes.jsonl}): one JSON object a
 * line, appended and forced to the disk before the input may leave its place, so that a run killed
 * at any moment loses no outcome it acted on. A run's report.json is a view of its lines, rebuilt
 * from here when the run was stopped before it could write it whole. A kill in the middle of an
 * append leaves a line without its end: {@link #open} cuts it off (its input had not left its place,
 * and is taken again), and {@link #read} skips it. Appends are thread-safe; one run at a time
 * appends (it holds the archive's lock), while any number of readers may read.
 */
public final class OutcomeRecord implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileChannel channel;

    private OutcomeRecord(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens the record for appending, creating it when missing, and cuts off a last line that a
     * stopped run left without its end. Call it only while holding the archive's lock.
     */
    static OutcomeRecord open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            channel.truncate(endOfLastWholeLine(channel));
            channel.position(channel.size());
            return new OutcomeRecord(channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Appends one outcome and forces it to the disk; when this returns, the outcome survives a
     * kill or a power cut.
     *
     * @throws IOException when it cannot be written (the disk full): the outcome is not recorded
     */
    public synchronized void append(ObjectNode line) throws IOException {
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        long before = channel.size();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            // A line half-written on a full disk would glue itself to the next one.
            channel.truncate(before);
            channel.position(before);
            throw e;
        }
    }

    /**
     * Reads every whole line of a record, in the order they were appended; a line that is not
     * whole JSON (cut off by a kill) is skipped. A record that does not exist holds nothing.
     */
    public static void read(Path file, Consumer<JsonNode> each) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    each.accept(JSON.readTree(line));
                } catch (JsonProcessingException cutOff) {
                    // the end of a line a kill interrupted: its input was not acted on
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The length of the file up to and including its last line break. */
    private static long endOfLastWholeLine(FileChannel channel) throws IOException {
        long end = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > 0) {
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                return end;
            }
            end--;
        }
        return 0;
    }
}

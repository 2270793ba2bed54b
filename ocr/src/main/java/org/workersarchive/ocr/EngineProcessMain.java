package org.workersarchive.ocr;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.ocr.EngineMessages.PageAnswer;
import org.workersarchive.ocr.EngineMessages.PageRequest;

/**
 * The main class of an engine process ({@link EngineProcesses}): reads its configuration, then
 * page requests, from standard input, one JSON line each, and answers each on standard output.
 * It ends when its input ends, and at once when its parent dies.
 */
public final class EngineProcessMain {

    private EngineProcessMain() {
    }

    public static void main(String[] args) throws IOException {
        // An orphan would finish its page and write the page's prepared image after its parent died,
        // while the page may already be given to another engine (or, over a broker, another worker).
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Whatever else this process prints (a library's warning) goes where the parent only logs it.
        System.setOut(System.err);
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String configLine = requests.readLine();
        if (configLine == null) {
            return;
        }
        OcrConfig config = EngineMessages.read(configLine, OcrConfig.class);
        // The parent recycles the whole process, which frees native memory more surely than a new handle.
        try (TesseractEngines engines = new TesseractEngines(config, Integer.MAX_VALUE)) {
            engines.warmUp();
            for (String line = requests.readLine(); line != null; line = requests.readLine()) {
                answers.println(EngineMessages.answerLine(answer(engines, EngineMessages.read(line, PageRequest.class))));
            }
        }
    }

    private static PageAnswer answer(TesseractEngines engines, PageRequest request) {
        NativeCpuTime before = engines.nativeCpuTime();
        try {
            Page read = engines.recognize(request.page(), request.forcedModels(), request.hint());
            return PageAnswer.read(read, engines.nativeCpuTime().since(before));
        } catch (RejectedInputException rejected) {
            return PageAnswer.rejected(rejected.reason(), engines.nativeCpuTime().since(before));
        } catch (RuntimeException e) {
            return PageAnswer.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}

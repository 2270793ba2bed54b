package org.workersarchive.ocr;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.ocr.EngineMessages.PageRequest;

/**
 * The OCR stage with Tesseract kept out of the caller's process, thread-safe. Tesseract is native
 * code: in the caller's JVM a crash (SIGSEGV) would end the whole pipeline, a runaway page would
 * hold a thread for ever, and native memory would grow over a long run. So pages are read by child
 * JVMs, each running {@link TesseractEngines} for one page at a time, as Tika runs its parsers in
 * forked processes: a page still being read after {@link EngineLimits#pageTimeout()} fails with a
 * "timeout" reason and its process is killed; a process that dies on a page is replaced and the
 * page tried again, up to {@link EngineLimits#attempts()}, then the page fails with how the engine
 * died; a process is replaced after {@link EngineLimits#pagesPerProcess()} pages, which returns all
 * its memory. Pages travel as image paths, so a page costs one short message each way.
 */
public final class EngineProcesses implements OcrEngines {

    private static final Logger LOG = LoggerFactory.getLogger(EngineProcesses.class);

    private final OcrConfig config;
    private final EngineLimits limits;
    private final Path crashLogDir;
    private final String models;
    private final Semaphore slots;
    private final BlockingQueue<EngineProcess> idle = new LinkedBlockingQueue<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger died = new AtomicInteger();
    private final AtomicReference<NativeCpuTime> nativeCpuTime = new AtomicReference<>(NativeCpuTime.ZERO);

    /**
     * Starts no process yet: each is started when a page first needs it.
     *
     * @param crashLogDir where an engine process's JVM writes its report if native code crashes in it
     */
    public EngineProcesses(OcrConfig config, EngineLimits limits, Path crashLogDir) {
        this.config = config;
        this.limits = limits;
        this.crashLogDir = crashLogDir;
        this.models = TesseractEngines.modelChecksums(config);
        this.slots = new Semaphore(limits.processes(), true);
    }

    @Override
    public Page recognize(Page page, List<Language> forcedModels, ReadingHint hint) {
        PageRequest request = new PageRequest(page, forcedModels, hint);
        StringBuilder deaths = new StringBuilder();
        for (int attempt = 1; attempt <= limits.attempts(); attempt++) {
            EngineProcess.Outcome outcome = readInAProcess(request);
            if (outcome instanceof EngineProcess.Outcome.Answered answered) {
                nativeCpuTime.accumulateAndGet(answered.answer().cpu(), NativeCpuTime::plus);
                return answered.answer().pageOrThrow(page.number());
            }
            if (outcome instanceof EngineProcess.Outcome.TimedOut) {
                throw new RejectedInputException("timeout: page " + page.number() + " was still being read after "
                        + limits.pageTimeout().toSeconds() + " s; its engine was stopped");
            }
            String how = ((EngineProcess.Outcome.Died) outcome).how();
            LOG.warn("the OCR engine died reading page {} ({}), attempt {} of {}", page.number(), how, attempt,
                    limits.attempts());
            deaths.append(deaths.length() == 0 ? "" : "; then ").append(how);
        }
        throw new RejectedInputException("the OCR engine crashed on page " + page.number() + ", "
                + (limits.attempts() == 1 ? "once" : limits.attempts() + " times in fresh processes") + ": " + deaths);
    }

    @Override
    public Map<String, String> describe() {
        return TesseractEngines.describe(config, models, Map.of("isolation", "engine processes",
                "pagesPerProcess", String.valueOf(limits.pagesPerProcess()),
                "pageTimeoutSeconds", String.valueOf(limits.pageTimeout().toSeconds())));
    }

    /**
     * Starts every engine process now, rather than when a page first needs it, so that they load
     * their models while the caller is still starting and its first pages are still being made.
     */
    public void startAll() {
        for (int i = idle.size(); i < limits.processes(); i++) {
            started.incrementAndGet();
            idle.add(EngineProcess.start(config, limits, crashLogDir));
        }
    }

    @Override
    public NativeCpuTime nativeCpuTime() {
        return nativeCpuTime.get();
    }

    /** Engine processes started so far, recycled or replaced ones included. */
    public int processesStarted() {
        return started.get();
    }

    /** Engine processes that died (crashed, or were killed after a timeout). */
    public int processesDied() {
        return died.get();
    }

    /** Ends every idle process; call it only once no thread is reading any more. */
    @Override
    public void close() {
        for (EngineProcess process = idle.poll(); process != null; process = idle.poll()) {
            process.close();
        }
    }

    private EngineProcess.Outcome readInAProcess(PageRequest request) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an OCR engine", e);
        }
        EngineProcess process = null;
        try {
            process = idleOrNew();
            EngineProcess.Outcome outcome = process.read(request, limits.pageTimeout());
            if (!(outcome instanceof EngineProcess.Outcome.Answered)) {
                died.incrementAndGet();
                process = null; // dead or killed: not given back
            }
            return outcome;
        } catch (InterruptedException e) {
            process.kill();
            process = null;
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while an OCR engine was reading page "
                    + request.page().number(), e);
        } finally {
            giveBack(process);
            slots.release();
        }
    }

    private EngineProcess idleOrNew() {
        EngineProcess process = idle.poll();
        if (process != null && process.isAlive()) {
            return process;
        }
        started.incrementAndGet();
        return EngineProcess.start(config, limits, crashLogDir);
    }

    private void giveBack(EngineProcess process) {
        if (process == null) {
            return;
        }
        if (process.pagesRead() >= limits.pagesPerProcess()) {
            LOG.debug("engine process {} recycled after {} pages", process.pid(), process.pagesRead());
            process.close();
        } else {
            idle.add(process);
        }
    }
}

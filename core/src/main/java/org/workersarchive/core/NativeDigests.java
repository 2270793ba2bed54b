package org.workersarchive.core;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.security.MessageDigestSpi;
import java.security.Provider;
import java.security.Security;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SHA-256 from OpenSSL's libcrypto, as a Java security provider that {@code MessageDigest} (and so
 * {@link Fixity}) finds first once {@link #install installed}. The
 * launcher runs the pipeline's JVM with the client compiler only: the server compiler spent more
 * CPU compiling than the batch's own work took. Without it the JDK's SHA-256 runs as compiled
 * Java, a tenth as fast as libcrypto, because its intrinsic (the CPU's SHA instructions) exists in
 * the server compiler only; and every page is hashed several times (the scan, its copy, the page
 * image and the PDF). Figures in DEVELOPERS.md.
 * Where libcrypto cannot be loaded the JDK's own SHA-256 serves, with the same results.
 */
public final class NativeDigests extends Provider {

    private static final Logger LOG = LoggerFactory.getLogger(NativeDigests.class);
    private static final long serialVersionUID = 1L;
    private static final Cleaner CLEANER = Cleaner.create();

    private NativeDigests() {
        super("WorkersArchiveNative", "1.0", "SHA-256 from OpenSSL's libcrypto");
        put("MessageDigest.SHA-256", Sha256.class.getName());
        put("Alg.Alias.MessageDigest.SHA256", "SHA-256");
    }

    /**
     * Puts the provider first, when libcrypto can be loaded; idempotent.
     *
     * @return whether SHA-256 now comes from libcrypto
     */
    public static synchronized boolean install() {
        if (Security.getProvider("WorkersArchiveNative") != null) {
            return true;
        }
        if (!LibCrypto.LOADED) {
            return false;
        }
        Security.insertProviderAt(new NativeDigests(), 1);
        return true;
    }

    /** libcrypto's EVP digest calls, bound directly (JNA's fastest calls); Debian's libssl3. */
    private static final class LibCrypto {

        static final boolean LOADED = load();

        static native Pointer EVP_sha256();

        static native Pointer EVP_MD_CTX_new();

        static native void EVP_MD_CTX_free(Pointer context);

        static native int EVP_DigestInit_ex(Pointer context, Pointer type, Pointer engine);

        static native int EVP_DigestUpdate(Pointer context, Pointer data, NativeLong count);

        static native int EVP_DigestFinal_ex(Pointer context, byte[] digest, Pointer size);

        private static boolean load() {
            for (String name : new String[] {"crypto", "libcrypto.so.3"}) {
                try {
                    Native.register(LibCrypto.class, NativeLibrary.getInstance(name));
                    return EVP_sha256() != null;
                } catch (UnsatisfiedLinkError e) {
                    LOG.debug("libcrypto not loaded as {}: {}", name, e.getMessage());
                }
            }
            LOG.info("libcrypto (Debian package libssl3) cannot be loaded: checksums use the JDK's SHA-256, slower");
            return false;
        }
    }

    /** One SHA-256 computation at a time, as every {@link MessageDigestSpi}. */
    public static final class Sha256 extends MessageDigestSpi {

        private static final int DIGEST_LENGTH = 32;
        /** Bytes copied into native memory per call: the calls cost less than the hashing from this size. */
        private static final int CHUNK = 64 * 1024;
        /**
         * One native buffer per thread, not per digest: a digest is made for every checksum, and
         * native memory held by garbage the collector has no reason to collect would pile up.
         */
        private static final ThreadLocal<Memory> CHUNKS = ThreadLocal.withInitial(() -> new Memory(CHUNK));

        private final Pointer context;

        public Sha256() {
            Pointer created = LibCrypto.EVP_MD_CTX_new();
            if (created == null) {
                throw new IllegalStateException("libcrypto could not allocate a digest context");
            }
            context = created;
            CLEANER.register(this, () -> LibCrypto.EVP_MD_CTX_free(created));
            engineReset();
        }

        @Override
        protected int engineGetDigestLength() {
            return DIGEST_LENGTH;
        }

        @Override
        protected void engineUpdate(byte input) {
            engineUpdate(new byte[] {input}, 0, 1);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            Memory chunk = CHUNKS.get();
            for (int done = 0; done < length; ) {
                int count = Math.min(CHUNK, length - done);
                chunk.write(0, input, offset + done, count);
                check(LibCrypto.EVP_DigestUpdate(context, chunk, new NativeLong(count)), "EVP_DigestUpdate");
                done += count;
            }
        }

        @Override
        protected byte[] engineDigest() {
            byte[] digest = new byte[DIGEST_LENGTH];
            check(LibCrypto.EVP_DigestFinal_ex(context, digest, null), "EVP_DigestFinal_ex");
            engineReset();
            return digest;
        }

        @Override
        protected void engineReset() {
            check(LibCrypto.EVP_DigestInit_ex(context, LibCrypto.EVP_sha256(), null), "EVP_DigestInit_ex");
        }

        private static void check(int status, String call) {
            if (status != 1) {
                throw new IllegalStateException("libcrypto's " + call + " failed");
            }
        }
    }
}

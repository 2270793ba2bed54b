package org.workersarchive.review;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;
import org.workersarchive.annotate.NameModels;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.export.IiifConfig;
import org.workersarchive.export.TeiConfig;

/**
 * How the review server is started ({@code ./archive serve}). Loopback by default: a server that
 * other machines reach must have a password, or it does not start.
 *
 * @param archiveDir the archive folder
 * @param host       the address to listen on; 127.0.0.1 unless the archive is to be shared
 * @param port       the port, 0 for any free one
 * @param readOnly   nothing is written to the archive: no corrections, the search index in memory
 * @param password   what people log in with (read from a file), or null on loopback for none
 * @param tei        the TEI writer's settings, as the runs that made the archive had them
 * @param iiif       the IIIF base URL the archive's manifests were written with
 * @param indexDir   where the search index is kept, or null to keep it in memory
 * @param nameModels the trained name models a corrected line's names are found again with, as the
 *                   runs had them ({@code archive.name-models})
 */
public record ReviewConfig(Path archiveDir, String host, int port, boolean readOnly, String password, TeiConfig tei,
                           IiifConfig iiif, Path indexDir, NameModels nameModels) {

    public ReviewConfig {
        Objects.requireNonNull(archiveDir, "archiveDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tei, "tei");
        Objects.requireNonNull(iiif, "iiif");
        Objects.requireNonNull(nameModels, "nameModels");
        archiveDir = archiveDir.toAbsolutePath().normalize();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is between 0 and 65535, not " + port);
        }
        if (password != null && password.length() < 8) {
            throw new IllegalArgumentException("the password must have at least 8 characters");
        }
        if (!loopback(host) && password == null) {
            throw new IllegalArgumentException("listening on " + host + " lets other machines reach the archive: give "
                    + "a password with --password-file FILE (its first line), which people then log in with; "
                    + "or listen on 127.0.0.1 (the default)");
        }
    }

    public ArchiveLayout archive() {
        return new ArchiveLayout(archiveDir);
    }

    /** Whether the server listens on this machine only. */
    public boolean loopbackOnly() {
        return loopback(host);
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address of this machine: " + host
                    + ": give one of its addresses, or leave --host out for 127.0.0.1");
        }
    }
}

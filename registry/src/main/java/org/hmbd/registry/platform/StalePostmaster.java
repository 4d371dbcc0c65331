package org.hmbd.registry.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery after a crash: a server killed with SIGKILL leaves its embedded PostgreSQL running.
 * The data folder is locked for the life of the JVM, so a postmaster still holding the data
 * directory when we own the lock is an orphan of a dead server and is shut down before start.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Map<Path, FileLock> LOCKS = new HashMap<>();

    private StalePostmaster() {
    }

    static synchronized void stopIfRunning(Path dataDir) throws IOException {
        lockDataFolder(dataDir.getParent());
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("Embedded PostgreSQL left running by a previous server (pid {}); stopping it", pid);
        ProcessHandle p = orphan.get();
        p.destroy();
        try {
            p.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }

    private static void lockDataFolder(Path dataFolder) throws IOException {
        FileLock held = LOCKS.get(dataFolder);
        if (held != null && held.isValid()) {
            return;
        }
        Files.createDirectories(dataFolder);
        FileChannel channel = FileChannel.open(dataFolder.resolve(".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The data folder " + dataFolder
                    + " is in use by another running server; set HMBD_DATA_DIR to another folder");
        }
        LOCKS.put(dataFolder, lock);
    }
}

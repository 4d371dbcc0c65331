package org.hmbd.registry.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.hmbd.registry.shared.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded default: a real single-node Elasticsearch in a child JVM (ADR 0010), its data under
 * {@code <data>/search}, bound to 127.0.0.1. The node is unpacked from the server's own jar on first
 * start (again when the server carries a different one), started without waiting for it (the server
 * does not need it to serve anything but search), restarted when it stops on its own, and stopped
 * with the server. It watches its standard input, so it also ends when the server is killed.
 */
final class EmbeddedSearchNode {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSearchNode.class);
    private static final String DIST = "search-node/search-node.zip";

    private final Path root;
    private final SearchProperties.Embedded props;
    private final int port;
    private final Object lock = new Object();
    private Process process;
    private OutputStream stdin;
    private Thread supervisor;
    private volatile boolean running;

    EmbeddedSearchNode(Path dataDir, SearchProperties.Embedded props) throws IOException {
        this.root = dataDir.toAbsolutePath().resolve("search");
        this.props = props;
        this.port = props.port() == 0 ? freePort() : props.port();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void start() throws IOException {
        Path home = unpack();
        running = true;
        supervisor = new Thread(() -> supervise(home), "hmbd-search-node");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /** Stops the node (also used by tests to take search away while the server runs). */
    void stop() {
        running = false;
        if (supervisor != null) {
            supervisor.interrupt();
        }
        stopProcess();
    }

    /** Starts it again after {@link #stop()}. */
    void restart() throws IOException {
        stop();
        if (supervisor != null) {
            try {
                supervisor.join(TimeUnit.SECONDS.toMillis(40));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        start();
    }

    boolean isAlive() {
        synchronized (lock) {
            return process != null && process.isAlive();
        }
    }

    private void supervise(Path home) {
        while (running) {
            try {
                Process p = launch(home);
                int exit = p.waitFor();
                if (running) {
                    log.warn("The embedded search node stopped on its own (exit {}); restarting in {} (see {})", exit,
                            props.restartDelay(), root.resolve("logs/search-node.out"));
                    Thread.sleep(props.restartDelay().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                log.error("Could not start the embedded search node: {}", e.toString());
                try {
                    Thread.sleep(props.restartDelay().toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private Process launch(Path home) throws IOException {
        Path logs = Files.createDirectories(root.resolve("logs"));
        Path data = Files.createDirectories(root.resolve("data"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xms" + props.heap(), "-Xmx" + props.heap(),
                "-XX:+UseG1GC", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-Dlog4j2.formatMsgNoLookups=true", "-Djava.io.tmpdir=" + Files.createDirectories(root.resolve("tmp")),
                "-cp", home.resolve("lib").toString() + "/*", "org.hmbd.searchnode.SearchNode",
                "--home", home.toString(), "--data", data.toString(), "--logs", logs.toString(),
                "--port", String.valueOf(port)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("search-node.out").toFile()));
        synchronized (lock) {
            if (!running) {
                throw new IOException("stopping");
            }
            process = pb.start();
            stdin = process.getOutputStream();
            log.info("Embedded search node starting on 127.0.0.1:{} (pid {}), data in {}", port, process.pid(), data);
            return process;
        }
    }

    private void stopProcess() {
        Process p;
        synchronized (lock) {
            p = process;
            process = null;
        }
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy(); // SIGTERM: the node closes itself (shutdown hook)
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                log.warn("The embedded search node did not stop within 30 s; killing it");
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the process is gone
        }
        log.info("Embedded search node stopped");
    }

    /** Unpacks the node's zip into {@code <data>/search/node}, unless the same zip is already there. */
    private Path unpack() throws IOException {
        Path home = root.resolve("node");
        ClassPathResource dist = new ClassPathResource(DIST);
        if (!dist.exists()) {
            throw new IOException("this server was built without its search node (" + DIST + " missing)");
        }
        String digest;
        try (InputStream in = new DigestInputStream(dist.getInputStream(), Digests.sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            digest = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
        Path stamp = home.resolve("dist.sha256");
        if (Files.exists(stamp) && Files.readString(stamp).strip().equals(digest)) {
            return home;
        }
        FileSystemUtils.deleteRecursively(home);
        Files.createDirectories(home);
        try (ZipInputStream zip = new ZipInputStream(dist.getInputStream())) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path target = home.resolve(e.getName()).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("bad entry in " + DIST + ": " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(stamp, digest);
        log.info("Unpacked the embedded search node into {}", home);
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

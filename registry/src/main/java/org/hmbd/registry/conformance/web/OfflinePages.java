package org.hmbd.registry.conformance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.conformance.TestSuites;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.Digests;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.WebProperties;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Self-testing offline (Art. 30: personal data stays in the hospital): the command-line validator
 * as a download with its instructions, and the content of each testable edition (its FHIR package,
 * on the edition's contents page). The same engine and content give the same findings as the server.
 */
@Page
@Controller
class OfflinePages {

    private final TestSuites suites;
    private final WebProperties web;
    private volatile Cli known;

    OfflinePages(TestSuites suites, WebProperties web) {
        this.suites = suites;
        this.web = web;
    }

    /** The jar offered, its size and SHA-256 (computed once per file version). */
    record Cli(Path path, long size, String sha256, long modified) {
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/conformance/offline")
    String offline(Model model) throws IOException {
        model.addAttribute("cli", cli().orElse(null));
        model.addAttribute("editions", suites.ready());
        return "conformance/offline";
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/conformance/offline/hmbd-validate.jar")
    void download(Actor viewer, HttpServletResponse response) throws IOException {
        Cli cli = cli().orElseThrow(() -> DomainException.notFound("path", "/conformance/offline/hmbd-validate.jar"));
        response.setContentType("application/java-archive");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("hmbd-validate.jar").build().toString());
        response.setContentLengthLong(cli.size());
        try (InputStream in = Files.newInputStream(cli.path()); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** The launcher script of the validator (validator/bin/hmbd-validate, packaged in the validator's jar). */
    static final String LAUNCHER = "org/hmbd/validator/cli/hmbd-validate";

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/conformance/offline/hmbd-validate")
    void launcher(Actor viewer, HttpServletResponse response) throws IOException {
        try (InputStream in = OfflinePages.class.getClassLoader().getResourceAsStream(LAUNCHER)) {
            if (in == null) {
                throw DomainException.notFound("path", "/conformance/offline/hmbd-validate");
            }
            byte[] script = in.readAllBytes();
            response.setContentType("text/x-shellscript;charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename("hmbd-validate").build().toString());
            response.setContentLength(script.length);
            response.getOutputStream().write(script);
        }
    }

    private Optional<Cli> cli() throws IOException {
        Optional<Path> path = locate();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Path p = path.get();
        long modified = Files.getLastModifiedTime(p).toMillis();
        Cli k = known;
        if (k == null || !k.path().equals(p) || k.modified() != modified) {
            java.security.MessageDigest digest = Digests.sha256();
            try (InputStream in = new java.security.DigestInputStream(Files.newInputStream(p), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            String sha = java.util.HexFormat.of().formatHex(digest.digest());
            k = new Cli(p, Files.size(p), sha, modified);
            known = k;
        }
        return Optional.of(k);
    }

    private Optional<Path> locate() throws IOException {
        if (web.validatorCli() != null) {
            return Files.isReadable(web.validatorCli()) ? Optional.of(web.validatorCli()) : Optional.empty();
        }
        List<Path> folders = new ArrayList<>();
        java.io.File home = new ApplicationHome(OfflinePages.class).getDir();
        if (home != null) {
            folders.add(home.toPath());
        }
        folders.add(Path.of("validator", "target"));
        folders.add(Path.of("..", "validator", "target"));
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "hmbd-validate*.jar")) {
                for (Path jar : jars) {
                    if (Files.isReadable(jar)) {
                        return Optional.of(jar);
                    }
                }
            }
        }
        return Optional.empty();
    }
}

package org.hmbd.registry.shared.web;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on every request, before any handler reads it, and what the web UI prints.
 *
 * @param maxBodySize the largest request body (after decompression) of every JSON endpoint under
 *        {@code /api} and every FHIR operation except {@code $validate}; larger is 413 before the
 *        handler runs (default 1MB). Uploads and {@code $validate} stream their bodies and have
 *        their own limits ({@code hmbd.standards.max-artifact-size}, {@code hmbd.conformance.*}).
 * @param publicUrl the address the public reaches this server at (e.g. {@code https://hmbd.example.cn}),
 *        printed in the QR code of a certificate; by default the address of the request that printed it
 * @param pdfFont a TrueType font ({@code .ttf}) with Chinese characters for PDF reports and
 *        certificates; by default the first found of {@link PdfDocuments#KNOWN_FONTS}
 * @param validatorCli the command-line validator's jar that the offline page offers for download;
 *        by default {@code hmbd-validate-*.jar} beside the server's jar, else under {@code validator/target/}
 *        of the working directory (a build from source)
 */
@ConfigurationProperties("hmbd.web")
public record WebProperties(DataSize maxBodySize, URI publicUrl, Path pdfFont, Path validatorCli) {

    public WebProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofMegabytes(1);
        }
        if (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("hmbd.web.max-body-size must lie between 1KB and 2GB");
        }
        if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null
                || !(publicUrl.getScheme().equals("https") || publicUrl.getScheme().equals("http")))) {
            throw new IllegalArgumentException("hmbd.web.public-url must be an http(s) address, e.g. https://hmbd.example.cn");
        }
    }
}

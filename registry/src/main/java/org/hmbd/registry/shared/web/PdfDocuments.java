package org.hmbd.registry.shared.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * PDF documents (a run's report, a certificate) from templates of the web UI: the template is
 * rendered in the request's language, read by jsoup and laid out by openhtmltopdf, with a Chinese
 * TrueType font embedded (subset), so that the PDF shows the same text on any reader.
 */
@Component
public class PdfDocuments {

    /** The font family a PDF template names for Chinese text. */
    public static final String FONT_FAMILY = "hmbd-cjk";

    /**
     * TrueType fonts with Chinese characters, looked for in this order when {@code hmbd.web.pdf-font}
     * is not set: Debian's {@code fonts-droid-fallback}, then Windows' SimHei and Microsoft YaHei UI.
     * (Noto CJK and most Linux CJK fonts are OpenType CFF or collections, which PDFBox cannot embed.)
     */
    public static final List<Path> KNOWN_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts-droid-fallback/truetype/DroidSansFallbackFull.ttf"),
            Path.of("C:/Windows/Fonts/simhei.ttf"),
            Path.of("/Library/Fonts/Arial Unicode.ttf"));

    private static final Logger log = LoggerFactory.getLogger(PdfDocuments.class);
    private final ITemplateEngine templates;
    private final Optional<Path> font;

    PdfDocuments(ITemplateEngine templates, WebProperties props) {
        this.templates = templates;
        this.font = props.pdfFont() != null ? Optional.of(props.pdfFont())
                : KNOWN_FONTS.stream().filter(Files::isReadable).findFirst();
        if (props.pdfFont() != null && !Files.isReadable(props.pdfFont())) {
            throw new IllegalArgumentException("hmbd.web.pdf-font: no readable file at " + props.pdfFont());
        }
        if (font.isEmpty()) {
            log.warn("No Chinese TrueType font for PDF reports and certificates: install fonts-droid-fallback "
                    + "or set hmbd.web.pdf-font; PDF downloads answer pdf-unavailable until then");
        }
    }

    /** Whether PDFs can be made here (a font was found). */
    public boolean available() {
        return font.isPresent();
    }

    /** The template rendered in the current request's language, as a PDF. */
    public byte[] render(String template, Map<String, Object> model) {
        if (font.isEmpty()) {
            throw new DomainException(ErrorCode.PDF_UNAVAILABLE, Msg.of("problem.pdf-unavailable.detail"));
        }
        String html = templates.process(template, new Context(LocaleContextHolder.getLocale(), model));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.get().toFile(), FONT_FAMILY);
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), null);
            builder.withProducer("hmbd-registry");
            builder.toStream(out);
            builder.run();
        } catch (IOException | RuntimeException e) {
            log.error("A PDF of {} could not be made with the font {}", template, font.get(), e);
            throw new DomainException(ErrorCode.PDF_UNAVAILABLE, Msg.of("problem.pdf-unavailable.detail"));
        }
        return out.toByteArray();
    }

    /** A QR code of the text, as a {@code data:} address of a PNG image for an {@code <img>} of a PDF. */
    public static String qrCode(String text, int pixels) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels, pixels,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            BufferedImage image = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    image.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("a QR code of " + text.length() + " characters", e);
        }
    }
}

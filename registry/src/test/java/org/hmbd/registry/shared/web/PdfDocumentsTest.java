package org.hmbd.registry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.i18n.LocaleContextHolder;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class PdfDocumentsTest {

    private static TemplateEngine engine() {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static final String TEMPLATE = "<html><body style=\"font-family: sans-serif, 'hmbd-cjk'\">"
            + "<h1 th:text=\"${title}\">x</h1><p>Conformance 符合性</p></body></html>";

    @Test
    void aTemplateBecomesAPdfWithItsChineseTextEmbedded() throws Exception {
        PdfDocuments pdf = new PdfDocuments(engine(), new WebProperties(null, null, null, null));
        assertThat(pdf.available()).as("a Chinese TrueType font is installed (.ci/run installs fonts-droid-fallback)")
                .isTrue();
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        byte[] bytes = pdf.render(TEMPLATE, Map.of("title", "健康医疗大数据 <标准>"));
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument d = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(d)).contains("健康医疗大数据 <标准>").contains("Conformance 符合性");
        }
    }

    @Test
    void withoutAFontAPdfIsRefusedWithItsOwnCodeAndAMissingConfiguredFontStopsTheStart(@TempDir Path dir) {
        assertThatThrownBy(() -> new PdfDocuments(engine(), new WebProperties(null, null, dir.resolve("none.ttf"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hmbd.web.pdf-font");
    }

    @Test
    void aFontPdfBoxCannotEmbedIsAPdfUnavailableProblemNotATrace(@TempDir Path dir) throws Exception {
        Path notAFont = Files.writeString(dir.resolve("broken.ttf"), "not a font");
        PdfDocuments pdf = new PdfDocuments(engine(), new WebProperties(null, null, notAFont, null));
        assertThatThrownBy(() -> pdf.render(TEMPLATE, Map.of("title", "x")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PDF_UNAVAILABLE));
    }

    private static BufferedImage png(String dataUrl) throws Exception {
        assertThat(dataUrl).startsWith("data:image/png;base64,");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
                .decode(dataUrl.substring(dataUrl.indexOf(',') + 1))));
    }

    @Test
    void theQrCodeReadsBackAsItsText() throws Exception {
        String url = "https://hmbd.example.cn/certificates/verify?number=HMBD-2026-ABCD-EFGH-JKMN";
        assertThat(QrCodes.read(png(PdfDocuments.qrCode(url, 240)))).isEqualTo(url);
    }

    /**
     * The white border left of the code, in modules: the first row with a dark pixel is the top edge of
     * the top-left finder pattern, seven modules wide; its first dark pixel ends the quiet zone.
     */
    private static int quietZoneInModules(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            int first = -1;
            int run = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                boolean dark = (image.getRGB(x, y) & 0xff) < 128;
                if (dark && first < 0) {
                    first = x;
                }
                if (first >= 0) {
                    if (!dark) {
                        break;
                    }
                    run++;
                }
            }
            if (first >= 0) {
                return first / (run / 7);
            }
        }
        throw new AssertionError("a blank image");
    }

    @Test
    void everyCertificateAddressReadsBackWithAQuietZoneAroundIt() throws Exception {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        java.util.Random random = new java.util.Random(20261203);
        for (int n = 0; n < 200; n++) {
            StringBuilder number = new StringBuilder("HMBD-2026");
            for (int i = 0; i < 12; i++) {
                number.append(i % 4 == 0 ? "-" : "").append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String url = "https://hmbd.example.cn/certificates/verify?number=" + number;
            BufferedImage image = png(PdfDocuments.qrCode(url, 240));
            assertThat(QrCodes.read(image)).as(url).isEqualTo(url);
            assertThat(quietZoneInModules(image)).as("quiet zone of %s", url).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void aPublicAddressMustBeHttp() {
        assertThatThrownBy(() -> new WebProperties(null, java.net.URI.create("ftp://x.cn"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hmbd.web.public-url");
    }
}

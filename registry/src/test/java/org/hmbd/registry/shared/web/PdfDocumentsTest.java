package org.hmbd.registry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
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

    @Test
    void theQrCodeReadsBackAsItsText() throws Exception {
        String url = "https://hmbd.example.cn/certificates/verify?number=HMBD-2026-ABCD-EFGH-JKMN";
        String data = PdfDocuments.qrCode(url, 240);
        assertThat(data).startsWith("data:image/png;base64,");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
                .decode(data.substring(data.indexOf(',') + 1))));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        assertThat(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                image.getWidth(), image.getHeight(), pixels)))).getText()).isEqualTo(url);
    }

    @Test
    void aPublicAddressMustBeHttp() {
        assertThatThrownBy(() -> new WebProperties(null, java.net.URI.create("ftp://x.cn"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hmbd.web.public-url");
    }
}

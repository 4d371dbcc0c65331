package org.hmbd.registry.it;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads PDFs the way a person does: the text on the pages, and a QR code on the first page as a phone scans it. */
final class Pdfs {

    private Pdfs() {
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    /** The text of the QR code on the first page, rendered at 150 dpi. */
    static String qrCode(byte[] pdf) throws Exception {
        BufferedImage page;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(d).renderImageWithDPI(0, 150);
        }
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)))).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code on the first page", e);
        }
    }
}

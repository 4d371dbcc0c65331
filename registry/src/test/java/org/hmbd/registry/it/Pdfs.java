package org.hmbd.registry.it;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hmbd.registry.shared.web.QrCodes;

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
    static String qrCode(byte[] pdf) throws IOException {
        BufferedImage page;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(d).renderImageWithDPI(0, 150);
        }
        return QrCodes.read(page);
    }
}

package org.hmbd.registry.shared.web;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Reads a QR code back the way a phone's scanner does: it looks at the whole image, tries harder, and
 * takes the first code it can read. ZXing's single {@code QRCodeReader} gives up on about 1.5% of
 * codes whose finder patterns it misplaces (3 of 200 random certificate addresses, at any margin or
 * resolution), which made the tests that read certificates flaky; the multi reader read all 200.
 */
public final class QrCodes {

    private QrCodes() {
    }

    /** The text of the QR code in the image; an assertion failure when there is none. */
    public static String read(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            Result[] results = new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, true));
            if (results.length == 0) {
                throw new AssertionError("no QR code in the image");
            }
            return results[0].getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code in the image", e);
        }
    }
}

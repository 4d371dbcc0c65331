package org.hmbd.validator.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.hmbd.validator.Text;

/**
 * Chinese texts for HAPI's validation messages, keyed by HAPI's message id
 * ({@code hapi-messages_zh.properties}); the original English message is kept beside it, and
 * where no translation exists yet the Chinese text says so and carries the English.
 */
final class HapiMessages {

    private static final Properties ZH = load();

    private HapiMessages() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = HapiMessages.class.getResourceAsStream("/org/hmbd/validator/hapi-messages_zh.properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Chinese message catalog", e);
        }
        return p;
    }

    static Text translate(String messageId, String english) {
        String zh = messageId == null ? null : ZH.getProperty(messageId);
        return Text.of(zh != null ? zh + "（" + english + "）" : "（暂无中文译文）" + english, english);
    }
}

package org.hmbd.validator.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.ParseException;
import java.util.Locale;
import java.util.Properties;
import org.hmbd.validator.Text;

/**
 * Chinese texts for HAPI's validation messages, keyed by HAPI's message id
 * ({@code hapi-messages_zh.properties}). A full translation ({@code <id>.full}) gets the message's
 * arguments, recovered from the English text with HAPI's own English pattern for that id; otherwise
 * a short Chinese text names the kind of problem with the English beside it, and where no
 * translation exists yet the Chinese text says so and carries the English.
 */
final class HapiMessages {

    private static final Properties ZH = load("/org/hmbd/validator/hapi-messages_zh.properties");
    /** HAPI's English patterns (org.hl7.fhir.utilities), by message id, plural forms included. */
    private static final Properties EN = load("/Messages.properties");
    /** Compiled patterns (MessageFormat is not thread-safe: one cache per thread). */
    private static final ThreadLocal<java.util.Map<String, MessageFormat>> FORMATS =
            ThreadLocal.withInitial(java.util.HashMap::new);

    private HapiMessages() {
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = HapiMessages.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the message catalog " + resource, e);
        }
        return p;
    }

    static Text translate(String messageId, String english) {
        if (messageId == null) {
            return Text.of("（暂无中文译文）" + english, english);
        }
        String full = full(messageId, english);
        if (full != null) {
            return Text.of(full, english);
        }
        String zh = ZH.getProperty(messageId);
        return Text.of(zh != null ? zh + "（" + english + "）" : "（暂无中文译文）" + english, english);
    }

    /** The full Chinese text with the arguments of the English one, or null when they cannot be recovered. */
    static String full(String messageId, String english) {
        String zh = ZH.getProperty(messageId + ".full");
        if (zh == null || english == null) {
            return null;
        }
        for (String key : new String[] {messageId, messageId + "_one", messageId + "_other"}) {
            String pattern = EN.getProperty(key);
            if (pattern == null) {
                continue;
            }
            try {
                MessageFormat en = format(pattern.strip());
                Object[] args = en.parse(english);
                // only an exact decomposition counts: formatting the arguments again gives the same text
                if (en.format(args).equals(english)) {
                    return format(zh).format(args);
                }
            } catch (ParseException | IllegalArgumentException e) {
                // try the next form
            }
        }
        return null;
    }

    private static MessageFormat format(String pattern) {
        return FORMATS.get().computeIfAbsent(pattern, p -> new MessageFormat(p, Locale.ROOT));
    }

    /** Ids that have a full translation, for tests. */
    static java.util.Set<String> fullyTranslated() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (String k : ZH.stringPropertyNames()) {
            if (k.endsWith(".full")) {
                ids.add(k.substring(0, k.length() - ".full".length()));
            }
        }
        return ids;
    }

    /** HAPI's English pattern for an id (or its plural forms), for tests. */
    static String englishPattern(String messageId) {
        String p = EN.getProperty(messageId);
        return p != null ? p : EN.getProperty(messageId + "_other");
    }
}

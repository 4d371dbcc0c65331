package org.hmbd.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every user-facing message exists in English and Chinese, with the same arguments. */
class MessagesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> args = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            args.add(m.group(1));
        }
        return args;
    }

    @Test
    void everyMessageKeyHasBothLanguagesWithTheSameArguments() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            String e = en.getProperty(key);
            String z = zh.getProperty(key);
            assertThat(arguments(z)).as(key).isEqualTo(arguments(e));
            // both are valid patterns
            new MessageFormat(e, Locale.ENGLISH);
            new MessageFormat(z, Locale.SIMPLIFIED_CHINESE);
            if (CJK.matcher(e).find()) {
                continue; // a text that is Chinese in both (a name) needs no check of its own
            }
            assertThat(z).as("Chinese text of " + key).matches(s -> CJK.matcher(s).find() || !s.matches(".*[a-z]{4,}.*"));
        }
    }
}

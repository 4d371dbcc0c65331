package org.hmbd.validator.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hmbd.validator.Text;

/**
 * Chinese texts for HAPI's validation messages, keyed by HAPI's message id
 * ({@code hapi-messages_zh.properties}). Every message of HL7 core 6.7.9 has a full translation
 * ({@code <id>.full}) that gets the message's arguments, recovered from the English text with HAPI's
 * own English pattern for that id. When they cannot be recovered (the English was not produced by
 * that pattern), a short Chinese text names the kind of problem with the English beside it; a
 * message without an id, or one this catalog does not know (a newer HAPI), keeps its English with a
 * note that no Chinese text exists yet.
 *
 * <p>HAPI FHIR's own terminology support and the UCUM library write some messages without a key of
 * their own (they reach the findings as the text of a pass-through message, or as one of its
 * arguments, or inside one another): those have an English and a Chinese pattern of their own
 * ({@code <source>.<name>.en} and {@code .zh}), matched by exact decomposition as well.
 */
final class HapiMessages {

    private static final Properties ZH = load("/org/hmbd/validator/hapi-messages_zh.properties");
    /** HAPI's English patterns (org.hl7.fhir.utilities), by message id, plural forms included. */
    private static final Properties EN = load("/Messages.properties");
    /** Compiled patterns (MessageFormat is not thread-safe: one cache per thread). */
    private static final ThreadLocal<Map<String, MessageFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);
    /** What HL7 appends to the text of a best-practice invariant. */
    private static final String BEST_PRACTICE = " (Best Practice Recommendation)";
    /** Message id and shape of text → the key whose pattern produced the text ("" for none). */
    private static final Map<String, String> OTHER_ID = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern ARGUMENT_LIKE = Pattern.compile("'[^']*'|\"[^\"]*\"|\\d+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*}");
    /** The suffix of a plural form of a message id. */
    private static final Pattern PLURAL = Pattern.compile("_(one|other)$");

    /**
     * One of the unkeyed texts: its English and Chinese patterns, and the English's literal start
     * (quotes unescaped), checked before any parsing.
     */
    record Unkeyed(String prefix, String en, String zh) {
    }

    /** The base specification's invariant texts (English as HL7 writes them → Chinese). */
    private static final Map<String, String> INVARIANTS = invariants();

    /** The unkeyed texts, longest English pattern first. */
    private static final List<Unkeyed> UNKEYED = unkeyed();

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

    private static Map<String, String> invariants() {
        Properties p = load("/org/hmbd/validator/hl7-invariants_zh.properties");
        Map<String, String> texts = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.endsWith(".en")) {
                String zh = p.getProperty(k.substring(0, k.length() - ".en".length()) + ".zh");
                if (zh == null) {
                    throw new IllegalStateException("no Chinese text for " + k);
                }
                texts.put(p.getProperty(k), zh);
            }
        }
        return Map.copyOf(texts);
    }

    /** The base specification's invariant texts with their Chinese, for tests. */
    static Map<String, String> invariantTexts() {
        return INVARIANTS;
    }

    private static List<Unkeyed> unkeyed() {
        List<Unkeyed> patterns = new ArrayList<>();
        for (String k : ZH.stringPropertyNames()) {
            if (k.endsWith(".en")) {
                String en = ZH.getProperty(k);
                String zh = ZH.getProperty(k.substring(0, k.length() - ".en".length()) + ".zh");
                if (zh == null) {
                    throw new IllegalStateException("no Chinese text for " + k);
                }
                String prefix = en.indexOf('{') < 0 ? en : en.substring(0, en.indexOf('{'));
                patterns.add(new Unkeyed(prefix.replace("''", "'"), en, zh));
            }
        }
        patterns.sort(Comparator.comparingInt((Unkeyed u) -> u.en().length()).reversed());
        return List.copyOf(patterns);
    }

    static Text translate(String messageId, String english) {
        if (english != null && english.endsWith(BEST_PRACTICE) && english.length() > BEST_PRACTICE.length()) {
            // HL7 appends this to best-practice invariants, outside any message pattern
            Text inner = translate(messageId, english.substring(0, english.length() - BEST_PRACTICE.length()));
            return Text.of(inner.zh() + "（最佳实践建议）", english);
        }
        String full = messageId == null ? null : full(messageId, english);
        if (full == null) {
            full = unkeyed(english);
        }
        if (full == null) {
            full = underAnotherId(messageId, english);
        }
        if (full != null) {
            return Text.of(full, english);
        }
        if (messageId == null) {
            return Text.of("（暂无中文译文）" + english, english);
        }
        String zh = ZH.getProperty(messageId);
        return Text.of(zh != null ? zh + "（" + english + "）" : "（暂无中文译文）" + english, english);
    }

    /**
     * The full Chinese text with the arguments of the English one, or null when they cannot be
     * recovered. A message with plural forms ({@code <id>_one}, {@code <id>_other}) may have a
     * Chinese text per form ({@code <id>_one.full}); otherwise {@code <id>.full} serves every form.
     */
    static String full(String messageId, String english) {
        if (english == null) {
            return null;
        }
        for (String key : new String[] {messageId, messageId + "_one", messageId + "_other"}) {
            String pattern = EN.getProperty(key);
            String zh = pattern == null ? null : chinesePattern(key, messageId);
            if (zh == null) {
                continue;
            }
            Object[] args = arguments(pattern.strip(), english);
            if (args != null) {
                return format(zh).format(translateArguments(args));
            }
        }
        return null;
    }

    /**
     * HL7 sometimes files a text under another message's id (a slice mismatch comes with the id
     * {@code Details_for__matching_against_Profile_} but the text of
     * {@code This_element_does_not_match_any_known_slice_}): the text is decomposed by whichever
     * pattern produces it exactly. The key found (or that none was) is remembered per id and start of
     * text, so each kind of mismatch is searched for once.
     */
    static String underAnotherId(String messageId, String english) {
        String key = keyFor(messageId, english);
        if (key == null) {
            return null;
        }
        Object[] args = arguments(EN.getProperty(key).strip(), english);
        return args == null ? null : format(chinesePattern(key, baseId(key))).format(translateArguments(args));
    }

    /**
     * The key (an id or one plural form) whose English pattern produces this text exactly, the one
     * with the most literal text when several do, or null. For texts HL7 files under another id, and
     * for those its parsers write without an id ("Object must have some content").
     */
    static String keyFor(String messageId, String english) {
        if (english == null || english.isEmpty()) {
            return null;
        }
        // the text's shape (quoted parts and numbers blanked): texts differing only in their arguments share it
        String shape = ARGUMENT_LIKE.matcher(english).replaceAll("_");
        String cacheKey = messageId + "|" + shape.substring(0, Math.min(80, shape.length()));
        String key = OTHER_ID.get(cacheKey);
        if (key != null && (key.isEmpty() || arguments(EN.getProperty(key).strip(), english) != null)) {
            return key.isEmpty() ? null : key;
        }
        key = "";
        int best = 0;
        for (String k : EN.stringPropertyNames()) {
            String pattern = EN.getProperty(k).strip();
            int brace = pattern.indexOf('{');
            String start = (brace < 0 ? pattern : pattern.substring(0, brace)).replace("''", "'");
            int literal = PLACEHOLDER.matcher(pattern).replaceAll("").length();
            if (literal > best && english.startsWith(start) && chinesePattern(k, baseId(k)) != null
                    && arguments(pattern, english) != null) {
                key = k;
                best = literal;
            }
        }
        if (OTHER_ID.size() < 10_000) {
            OTHER_ID.put(cacheKey, key);
        }
        return key.isEmpty() ? null : key;
    }

    /** The Chinese text of one of HAPI FHIR's unkeyed messages, or null when the text is none of them. */
    static String unkeyed(String english) {
        if (english == null) {
            return null;
        }
        for (Unkeyed u : UNKEYED) {
            if (!english.startsWith(u.prefix())) {
                continue;
            }
            Object[] args = arguments(u.en(), english);
            if (args != null) {
                return format(u.zh()).format(translateArguments(args));
            }
        }
        return null;
    }

    /** Arguments that are themselves unkeyed texts (a pass-through message's inner text) in Chinese. */
    private static Object[] translateArguments(Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String text && !text.isEmpty()) {
                String inner = unkeyed(text);
                if (inner == null) {
                    inner = INVARIANTS.get(text);
                }
                args[i] = inner != null ? inner : text;
            }
        }
        return args;
    }

    /**
     * The arguments of an English text by an English pattern, or null unless the pattern decomposes
     * it exactly: formatting the arguments again must give the same text.
     */
    private static Object[] arguments(String pattern, String english) {
        try {
            MessageFormat en = format(pattern);
            Object[] args = en.parse(english);
            return en.format(args).equals(english) ? args : null;
        } catch (ParseException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The unkeyed texts' patterns, for tests. */
    static List<Unkeyed> unkeyedPatterns() {
        return UNKEYED;
    }

    private static MessageFormat format(String pattern) {
        return FORMATS.get().computeIfAbsent(pattern, p -> new MessageFormat(p, Locale.ROOT));
    }

    /** Ids that have a full translation (for all their forms), for tests. */
    static Set<String> fullyTranslated() {
        Set<String> ids = new TreeSet<>();
        for (String k : ZH.stringPropertyNames()) {
            if (k.endsWith(".full")) {
                ids.add(baseId(k.substring(0, k.length() - ".full".length())));
            }
        }
        return ids;
    }

    /** HAPI's message ids (plural forms folded into their id), for tests. */
    static Set<String> hapiMessageIds() {
        Set<String> ids = new TreeSet<>();
        for (String k : EN.stringPropertyNames()) {
            ids.add(baseId(k));
        }
        return ids;
    }

    /** A message id with a plural form's suffix removed. */
    static String baseId(String key) {
        return PLURAL.matcher(key).replaceFirst("");
    }

    /** HAPI's English pattern under exactly this key (an id or one of its plural forms), for tests. */
    static String english(String key) {
        String p = EN.getProperty(key);
        return p == null ? null : p.strip();
    }

    /** The Chinese pattern for one form of an id: its own, or the id's shared one. */
    static String chinesePattern(String key, String messageId) {
        return ZH.getProperty(key + ".full", ZH.getProperty(messageId + ".full"));
    }

    /** Whether this key (an id or one plural form) has a Chinese pattern of its own, for tests. */
    static boolean hasOwnChinese(String key) {
        return ZH.getProperty(key + ".full") != null;
    }
}

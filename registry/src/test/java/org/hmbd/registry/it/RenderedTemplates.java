package org.hmbd.registry.it;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.dialect.IPreProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ITemplateStart;
import org.thymeleaf.preprocessor.IPreProcessor;
import org.thymeleaf.preprocessor.PreProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Which templates of the web UI the server rendered, in which language, while the tests ran (pages,
 * error pages and the PDFs' templates alike): a page test can then prove that it rendered every
 * template in both languages, each through its own checks. Test configuration only: a Thymeleaf
 * pre-processor that notes the template at the root of each rendering and its locale.
 */
@TestConfiguration(proxyBeanMethods = false)
class RenderedTemplates {

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    /** Forgets what was recorded so far. */
    static void reset() {
        SEEN.clear();
    }

    /** The templates rendered, each as {@code name|language}, e.g. {@code standards/edition|en}. */
    static Set<String> seen() {
        return Set.copyOf(SEEN);
    }

    /** Notes the root template of each rendering. */
    public static final class Recorder extends AbstractTemplateHandler {
        @Override
        public void handleTemplateStart(ITemplateStart start) {
            var context = getContext();
            if (context.getTemplateStack().size() == 1) {
                String name = context.getTemplateData().getTemplate();
                SEEN.add(name + "|" + ("en".equals(context.getLocale().getLanguage()) ? "en" : "zh"));
            }
            super.handleTemplateStart(start);
        }
    }

    @Bean
    IDialect renderedTemplatesDialect() {
        final class Dialect extends AbstractDialect implements IPreProcessorDialect {
            Dialect() {
                super("rendered-templates");
            }

            @Override
            public int getDialectPreProcessorPrecedence() {
                return 1000;
            }

            @Override
            public Set<IPreProcessor> getPreProcessors() {
                return Set.of(new PreProcessor(TemplateMode.HTML, Recorder.class, 1000));
            }
        }
        return new Dialect();
    }
}

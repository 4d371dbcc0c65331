package org.hmbd.registry.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogPagesTest {

    @Test
    void aHighlightKeepsTheSearchEnginesMarksAndEscapesEverythingElse() {
        assertThat(CatalogPages.safeHighlight("<script>alert(1)</script> 的<em>民族</em> & <b>x</b>"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; 的<em>民族</em> &amp; &lt;b&gt;x&lt;/b&gt;");
    }
}

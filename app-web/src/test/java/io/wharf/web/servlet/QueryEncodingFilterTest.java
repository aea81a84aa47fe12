package io.wharf.web.servlet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryEncodingFilterTest {
    @Test
    void aBarePipeIsEncodedAndEverythingValidIsKept() {
        assertEquals("filter=namespace::a%7Cmode::visible&limit=10",
                QueryEncodingFilter.encode("filter=namespace::a|mode::visible&limit=10"));
    }

    @Test
    void spacesQuotesAndNonAsciiAreEncodedAsUtf8() {
        assertEquals("q=a%20%22b%22%7B%7D%C3%A9", QueryEncodingFilter.encode("q=a \"b\"{}é"));
    }

    @Test
    void existingEscapesStayAsTheyAre() {
        assertEquals("filter=namespace::a%7Cmode::visible", QueryEncodingFilter.encode("filter=namespace::a%7Cmode::visible"));
    }
}

package org.hmbd.registry.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything reads it (issue 13), anonymous requests included:
 * <ul>
 * <li>a compressed body ({@code Content-Encoding: gzip} or {@code deflate}) is decompressed here,
 *     as a stream, so that every limit counts decompressed bytes and nothing downstream (HAPI
 *     inflates gzip bodies whole, in memory) decompresses again; other encodings are 415;</li>
 * <li>a body of a JSON endpoint or a FHIR operation is read here up to {@code hmbd.web.max-body-size}:
 *     413 beyond it (at once when {@code Content-Length} says so);</li>
 * <li>uploads and {@code $validate} stream their bodies under their own, larger limits.</li>
 * </ul>
 * It runs before the security filters, after the audit filter (a refused body is audited).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyLimits extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final org.springframework.web.util.UrlPathHelper PATH = new org.springframework.web.util.UrlPathHelper();
    /** Bodies read as streams by their handlers, each under its own limit. */
    private static final List<String> STREAMED = List.of(
            "PUT /api/v1/editions/*/artifacts/*",
            "POST /api/v1/conformance/runs",
            "PUT /api/v1/conformance/runs/*/files/*",
            "POST /fhir/$validate", "POST /fhir/*/$validate", "POST /fhir/*/*/$validate");

    private final Problems problems;
    private final long maxBody;

    RequestBodyLimits(Problems problems, WebProperties props) {
        this.problems = problems;
        this.maxBody = props.maxBodySize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String m = request.getMethod();
        return "GET".equals(m) || "HEAD".equals(m) || "OPTIONS".equals(m) || "TRACE".equals(m);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String encoding = encoding(request);
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean form = type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/");
        if (encoding != null && (form || !(encoding.equals("gzip") || encoding.equals("x-gzip")
                || encoding.equals("deflate")))) {
            problems.write(request, response, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    Msg.of("problem.unsupported-media-type.content-encoding", encoding));
            return;
        }
        if (form) {
            // the servlet container parses forms itself, under server.tomcat.max-http-form-post-size
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest decoded = encoding == null ? request : new Decompressed(request, encoding);
        if (streamed(request)) {
            chain.doFilter(decoded, response);
            return;
        }
        if (encoding == null && request.getContentLengthLong() > maxBody) {
            tooLarge(request, response);
            return;
        }
        byte[] body;
        try (InputStream in = decoded.getInputStream()) {
            body = in.readNBytes((int) maxBody + 1);
        } catch (CorruptBody e) {
            problems.write(request, response, ErrorCode.MALFORMED_REQUEST,
                    Msg.of("problem.malformed-request.compressed-body"));
            return;
        }
        if (body.length > maxBody) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new Buffered(decoded, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, Msg.of("problem.payload-too-large.limit", maxBody));
    }

    private static boolean streamed(HttpServletRequest request) {
        // decoded: clients send $validate as %24validate
        String key = request.getMethod() + " " + PATH.getPathWithinApplication(request);
        if (key.equals("POST /api/v1/conformance/runs") && request.getParameter("fileName") == null) {
            return false; // the JSON form of the same path
        }
        return STREAMED.stream().anyMatch(p -> PATHS.match(p, key));
    }

    /** The body's content coding, lower case; null for none or {@code identity}. */
    private static String encoding(HttpServletRequest request) {
        String e = request.getHeader("Content-Encoding");
        if (e == null || e.isBlank() || e.strip().equalsIgnoreCase("identity")) {
            return null;
        }
        return e.strip().toLowerCase(Locale.ROOT);
    }

    /** The request as if it had been sent uncompressed: the body inflated as it is read, no length. */
    private static final class Decompressed extends HttpServletRequestWrapper {
        private final String encoding;
        private ServletInputStream stream;

        Decompressed(HttpServletRequest request, String encoding) {
            super(request);
            this.encoding = encoding;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                InputStream raw = super.getInputStream();
                try {
                    stream = new Stream(encoding.equals("deflate") ? new InflaterInputStream(raw)
                            : new GZIPInputStream(raw), true);
                } catch (ZipException | EOFException e) {
                    throw new CorruptBody(e);
                }
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String cs = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), cs));
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(n -> !hidden(n)).toList());
        }

        private static boolean hidden(String name) {
            return "Content-Encoding".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name);
        }
    }

    /** The request with its body already read (and bounded). */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new Stream(new ByteArrayInputStream(body));
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String cs = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), cs));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Length".equalsIgnoreCase(name) ? Integer.toString(body.length) : super.getHeader(name);
        }
    }

    /** A compressed body that does not decompress; answered 400 {@code compressed-body}. */
    static final class CorruptBody extends IOException {
        CorruptBody(IOException cause) {
            super("the compressed request body does not decompress", cause);
        }
    }

    private static final class Stream extends ServletInputStream {
        private final InputStream in;
        private final boolean compressed;
        private boolean finished;

        Stream(InputStream in) {
            this(in, false);
        }

        Stream(InputStream in, boolean compressed) {
            this.in = in;
            this.compressed = compressed;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = in.read();
                finished = b < 0;
                return b;
            } catch (ZipException | EOFException e) {
                throw compressed ? new CorruptBody(e) : e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = in.read(b, off, len);
                finished = n < 0;
                return n;
            } catch (ZipException | EOFException e) {
                throw compressed ? new CorruptBody(e) : e;
            }
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("blocking reads only");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

package org.waymark.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bodies other than uploads are refused past {@code WAYMARK_MAX_REQUEST_BODY} (1 MB; a whole referral is a few
 * tens of kilobytes) before anything parses them: at once when the declared length is too long, and by cutting
 * the stream when no length was declared. Uploads (multipart) have their own 20 MB limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    /** Imports of history ({@code text/csv} to {@code /api/v1/imports/...}) carry whole years: their own limit. */
    static final String IMPORTS = "/api/v1/imports/";

    private final long defaultLimit;
    private final long importLimit;

    RequestSizeLimit(@Value("${waymark.max-request-body:1MB}") DataSize limit,
            @Value("${waymark.max-import-body:200MB}") DataSize importLimit) {
        this.defaultLimit = limit.toBytes();
        this.importLimit = importLimit.toBytes();
    }

    /** Thrown by the body's stream past the limit; the API's exception handler answers it 413. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        long limit = request.getRequestURI().startsWith(request.getContextPath() + IMPORTS) ? importLimit : defaultLimit;
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                    + "\"detail\":\"The request body is larger than " + limit / 1024 + " KB.\"}");
        } else {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                var inner = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    private int counted(int n) throws TooLarge {
                        if (n > 0 && (read += n) > limit) {
                            throw new TooLarge(limit);
                        }
                        return n;
                    }

                    @Override
                    public int read() throws IOException {
                        int b = inner.read();
                        counted(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        return counted(inner.read(buffer, offset, length));
                    }

                    @Override
                    public boolean isFinished() {
                        return inner.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        inner.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}

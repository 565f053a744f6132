package org.waymark.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Two sizes of upload: bulk intake (a ZIP of a sweep) may be as large as the container allows
 * ({@code spring.servlet.multipart.max-request-size}, 101 MB); every other form, the public ones included, is
 * refused past {@code waymark.max-upload} (21 MB) from its declared length, before any of it is read or spooled.
 */
@Component("multipartResolver")
class UploadSizes extends StandardServletMultipartResolver {

    private final long formLimit;
    private final List<String> bulkPaths;

    UploadSizes(@Value("${waymark.max-upload:21MB}") DataSize formLimit,
            @Value("${waymark.bulk-upload-paths:/content/intake,/api/v1/content-intakes}") List<String> bulkPaths) {
        this.formLimit = formLimit.toBytes();
        this.bulkPaths = List.copyOf(bulkPaths);
    }

    private boolean bulk(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return bulkPaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    @Override
    public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) {
        if (!bulk(request) && request.getContentLengthLong() > formLimit) {
            throw new MaxUploadSizeExceededException(formLimit);
        }
        return super.resolveMultipart(request);
    }
}

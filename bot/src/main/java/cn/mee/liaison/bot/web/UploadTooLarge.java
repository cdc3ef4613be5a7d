package cn.mee.liaison.bot.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} fails before any controller is chosen, so
 * {@link ApiErrors} (which advises the API's controllers only) never sees it: the API answers it here with its own
 * error body (413 {@code too_large}); the console keeps its error page.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
            throws MaxUploadSizeExceededException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e; // the console's: handled as before (413 and the error page)
        }
        return ApiErrors.body(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "上传的文件太大");
    }
}

package cn.mee.liaison.bot.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * An API request that reaches no controller — an unknown path under {@code /api/}, or a method the path does not
 * take — ends on Spring Boot's error page; its body is given the contract's form too, {@code {"error", "message"}}
 * with the message in Chinese ({@link ApiErrors} only sees requests a controller took). Console pages keep the
 * console's error page.
 */
@Component
class ApiRouteErrors extends DefaultErrorAttributes {

    private final MessageSource messages;

    ApiRouteErrors(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        if (!(attributes.get("path") instanceof String path) || !path.startsWith("/api/")
                || !(attributes.get("status") instanceof Integer status)) {
            return attributes;
        }
        String method = request instanceof NativeWebRequest n
                && n.getNativeRequest() instanceof HttpServletRequest http ? http.getMethod() : "";
        Map<String, Object> body = new LinkedHashMap<>();
        switch (status) {
            case 404 -> {
                body.put("error", "not_found");
                body.put("message", message("api.error.no_such_endpoint", path));
            }
            case 405 -> {
                body.put("error", "method_not_allowed");
                body.put("message", message("api.error.method_not_allowed", method));
            }
            default -> {
                return attributes;
            }
        }
        return body;
    }

    private String message(String key, String... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}

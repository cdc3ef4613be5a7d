package cn.mee.liaison.bot.directory;

import cn.mee.liaison.bot.web.ApiErrors;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rejected directory document through the API: 400 with every problem and where it is. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DirectoryApiErrors {

    @ExceptionHandler(DirectoryRejected.class)
    ResponseEntity<Map<String, Object>> directoryRejected(DirectoryRejected e) {
        ResponseEntity<Map<String, Object>> response = ApiErrors.body(HttpStatus.BAD_REQUEST, "invalid_directory",
                "组织架构未导入（全部未生效）：" + e.getMessage());
        List<Map<String, String>> problems = e.problems().stream()
                .map(p -> Map.of("location", p.location(), "message", p.message())).toList();
        response.getBody().put("problems", problems);
        return response;
    }
}

package cn.mee.liaison.bot.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI liaisonApi() {
        return new OpenAPI()
                .info(new Info().title("联络群机器人 API").version("v1")
                        .description("生态环境执法局工作联络群机器人的 REST 接口。使用控制台用户的用户名和密码进行 HTTP Basic 认证；"
                                + "错误以 {\"error\": \"…\", \"message\": \"…\"} 返回，message 为中文。"))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}

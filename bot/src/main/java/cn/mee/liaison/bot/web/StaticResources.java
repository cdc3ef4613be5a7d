package cn.mee.liaison.bot.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The console's static files: its own under {@code /css/} and {@code /js/}, and the web jars under
 * {@code /webjars/} without their version ({@code /webjars/echarts/dist/echarts.min.js}). Spring Boot's default
 * mapping of every path ({@code /**}) is off ({@code spring.web.resources.add-mappings: false}): with it, every link
 * a page writes ({@code @{/dispatch}} …) was looked up in vain in four classpath folders of the jar while the page
 * was rendered — about a third of the time of a console page with twenty links.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
    }
}

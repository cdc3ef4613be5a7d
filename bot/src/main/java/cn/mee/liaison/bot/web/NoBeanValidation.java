package cn.mee.liaison.bot.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC without Bean Validation. The bot declares no constraint anywhere (and ships no validation provider:
 * bot/pom.xml), yet with the Bean Validation API on the class path (Springdoc brings it) Spring MVC set a method
 * validator on every handler call, which looked the method's and the controller's {@code @Validated} up each time:
 * ~3 % of a robot callback's CPU (docs/performance.md, filing, ninth round). A validator that is not Bean
 * Validation's leaves Spring MVC without one.
 */
@Configuration(proxyBeanMethods = false)
class NoBeanValidation implements WebMvcConfigurer {

    @Override
    public Validator getValidator() {
        return Nothing.INSTANCE;
    }

    /** Validates no class. */
    enum Nothing implements Validator {
        INSTANCE;

        @Override
        public boolean supports(Class<?> type) {
            return false;
        }

        @Override
        public void validate(Object target, Errors errors) {
            // supports nothing, so never asked
        }
    }
}
